package io.beseda.conversation.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.beseda.consent.Channel;
import io.beseda.conversation.ConversationStatus;
import io.beseda.workspace.Actor;

/**
 * The inbox list: tabs «Мои», «Без оператора», «Все», filters in the address, and the fragment the page
 * fetches to redraw rows that changed (live) or the whole list (after a reconnect).
 */
@Controller
class InboxConsoleController {

    static final int LIMIT = 200;
    private static final int MAX_IDS = 100;

    private final InboxQuery query;
    private final io.beseda.conversation.Operators operators;

    InboxConsoleController(InboxQuery query, io.beseda.conversation.Operators operators) {
        this.query = query;
        this.operators = operators;
    }

    @GetMapping("/inbox")
    String list(Actor actor, @RequestParam(required = false) @Nullable String tab,
                @RequestParam(required = false) @Nullable ConversationStatus status, @RequestParam(required = false) @Nullable Channel channel,
                @RequestParam(required = false) @Nullable UUID team, @RequestParam(required = false) @Nullable String label, Model model) {
        var filter = new InboxFilter(InboxFilter.Tab.of(tab), status, channel, team, label);
        model.addAttribute("filter", filter);
        model.addAttribute("rows", query.rows(actor.workspaceId(), actor.id(), filter, null, LIMIT));
        model.addAttribute("counts", query.counts(actor.workspaceId(), actor.id(), filter));
        model.addAttribute("tabs", Arrays.asList(InboxFilter.Tab.values()));
        model.addAttribute("statuses", Arrays.asList(ConversationStatus.values()));
        model.addAttribute("channels", Arrays.asList(Channel.values()));
        model.addAttribute("teams", query.teams(actor.workspaceId()));
        model.addAttribute("labels", query.labels(actor.workspaceId()));
        if (actor.kind() == Actor.Kind.USER) {
            model.addAttribute("myAvailability", operators.get(actor.workspaceId(), new io.beseda.workspace.UserId(actor.id())));
            model.addAttribute("availabilities", Arrays.asList(io.beseda.conversation.OperatorStatus.values()));
        }
        return "conversation/inbox";
    }

    /** Rows of these conversations that still belong in the list (absent ones left it), and the tab counts. */
    @GetMapping("/inbox/rows")
    String rows(Actor actor, @RequestParam(required = false) @Nullable String tab,
                @RequestParam(required = false) @Nullable ConversationStatus status, @RequestParam(required = false) @Nullable Channel channel,
                @RequestParam(required = false) @Nullable UUID team, @RequestParam(required = false) @Nullable String label,
                @RequestParam(required = false) @Nullable List<UUID> ids, Model model) {
        var filter = new InboxFilter(InboxFilter.Tab.of(tab), status, channel, team, label);
        var only = ids == null ? null : ids.stream().distinct().limit(MAX_IDS).toList();
        model.addAttribute("filter", filter);
        model.addAttribute("rows", query.rows(actor.workspaceId(), actor.id(), filter, only, LIMIT));
        model.addAttribute("counts", query.counts(actor.workspaceId(), actor.id(), filter));
        model.addAttribute("tabs", Arrays.asList(InboxFilter.Tab.values()));
        return "conversation/inbox-rows";
    }
}
