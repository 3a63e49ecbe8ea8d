package io.beseda.conversation.web;

import java.util.List;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.beseda.conversation.CannedReplies;
import io.beseda.conversation.Operators;
import io.beseda.conversation.Priority;
import io.beseda.conversation.Teams;
import io.beseda.workspace.Actor;

/** Puts the routing choices beside every page or fragment that draws a thread's header or composer. */
@ControllerAdvice(assignableTypes = {ThreadConsoleController.class, ComposerController.class, RoutingConsoleController.class})
class RoutingChoicesAdvice {

    private final Operators operators;
    private final Teams teams;
    private final CannedReplies cannedReplies;

    RoutingChoicesAdvice(Operators operators, Teams teams, CannedReplies cannedReplies) {
        this.operators = operators;
        this.teams = teams;
        this.cannedReplies = cannedReplies;
    }

    @ModelAttribute("routing")
    RoutingChoices routing(Actor actor) {
        return new RoutingChoices(operators.list(actor.workspaceId()), teams.list(actor.workspaceId()), List.of(Priority.values()),
                cannedReplies.list(actor.workspaceId(), null));
    }
}
