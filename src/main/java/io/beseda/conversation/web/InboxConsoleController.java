package io.beseda.conversation.web;

import java.util.Arrays;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.beseda.conversation.ConversationStatus;
import io.beseda.conversation.Conversations;
import io.beseda.customer.Customers;
import io.beseda.shared.RuleViolationException;
import io.beseda.workspace.Actor;

/** Inbox: the threads that need someone, and a thread with its reply and note forms. */
@Controller
class InboxConsoleController {

    private final Conversations conversations;
    private final Customers customers;

    InboxConsoleController(Conversations conversations, Customers customers) {
        this.conversations = conversations;
        this.customers = customers;
    }

    @GetMapping("/inbox")
    String list(Actor actor, @RequestParam(required = false) @Nullable ConversationStatus status, Model model) {
        var shown = status == null ? ConversationStatus.OPEN : status;
        var threads = conversations.list(actor.workspaceId(), shown, 200);
        model.addAttribute("threads", threads.stream().map(t -> new InboxRow(t,
                customers.find(actor.workspaceId(), t.customer()).map(c -> c.name()).orElse(null))).toList());
        model.addAttribute("status", shown);
        model.addAttribute("statuses", Arrays.asList(ConversationStatus.values()));
        return "conversation/inbox";
    }

    @GetMapping("/inbox/{conversationId}")
    String thread(Actor actor, @PathVariable UUID conversationId, Model model) {
        var thread = conversations.get(actor.workspaceId(), conversationId);
        model.addAttribute("thread", thread);
        model.addAttribute("customer", customers.get(actor.workspaceId(), thread.customer()));
        model.addAttribute("messages", conversations.messages(actor.workspaceId(), conversationId));
        model.addAttribute("statuses", Arrays.asList(ConversationStatus.values()));
        return "conversation/thread";
    }

    @PostMapping("/inbox/{conversationId}/replies")
    String reply(Actor actor, @PathVariable UUID conversationId, @RequestParam String text, RedirectAttributes redirect) {
        return act(redirect, conversationId, () -> conversations.reply(actor, conversationId, text), "inbox.replied");
    }

    @PostMapping("/inbox/{conversationId}/notes")
    String note(Actor actor, @PathVariable UUID conversationId, @RequestParam String text, RedirectAttributes redirect) {
        return act(redirect, conversationId, () -> conversations.note(actor, conversationId, text), "inbox.noted");
    }

    @PostMapping("/inbox/{conversationId}/status")
    String status(Actor actor, @PathVariable UUID conversationId, @RequestParam ConversationStatus status,
                  RedirectAttributes redirect) {
        return act(redirect, conversationId, () -> conversations.setStatus(actor, conversationId, status), "inbox.status-changed");
    }

    private static String act(RedirectAttributes redirect, UUID conversationId, Runnable action, String notice) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
            redirect.addFlashAttribute("noticeArg", "");
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("error", e.code());
        }
        return "redirect:/inbox/" + conversationId;
    }

    record InboxRow(io.beseda.conversation.Conversation thread, @Nullable String customerName) {
    }
}
