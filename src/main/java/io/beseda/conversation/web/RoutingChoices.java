package io.beseda.conversation.web;

import java.util.List;

import io.beseda.conversation.CannedReply;
import io.beseda.conversation.Operator;
import io.beseda.conversation.Priority;
import io.beseda.conversation.Team;

/** What the thread's header and composer offer: operators to hand a chat to, teams, priorities, scripts. */
record RoutingChoices(List<Operator> operators, List<Team> teams, List<Priority> priorities, List<CannedReply> cannedReplies) {
}
