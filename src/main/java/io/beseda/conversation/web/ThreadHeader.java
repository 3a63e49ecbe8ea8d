package io.beseda.conversation.web;

import org.jspecify.annotations.Nullable;

import io.beseda.conversation.Conversation;

/**
 * The head of a conversation: who, where, and the values the assignment, priority, label and CSAT
 * features keep — shown read-only here; their own controls fill the marked places.
 *
 * @param who  the customer's name, or the address they wrote from
 * @param csat the customer's latest rating (1–5), if they gave one
 */
record ThreadHeader(Conversation conversation, @Nullable String who, String inbox, @Nullable String team,
                    @Nullable String assignee, SlaFlag sla, @Nullable Integer csat) {
}
