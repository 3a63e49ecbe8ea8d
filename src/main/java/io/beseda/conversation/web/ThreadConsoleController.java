package io.beseda.conversation.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

import io.beseda.channel.Attachments;
import io.beseda.conversation.ConversationStatus;
import io.beseda.conversation.Conversations;
import io.beseda.workspace.Actor;

/**
 * A conversation: the thread, the customer beside it, the composer. Opening it marks it read; the page
 * fetches new messages, moved delivery states and a redrawn header as the live stream tells it to.
 */
@Controller
class ThreadConsoleController {

    private static final int MAX_IDS = 50;

    private final Conversations conversations;
    private final ThreadQuery thread;
    private final ThreadPanels panels;
    private final InboxReadState reads;
    private final Attachments attachments;
    private final WhatsAppTemplates whatsApp;

    ThreadConsoleController(Conversations conversations, ThreadQuery thread, ThreadPanels panels, InboxReadState reads,
                            Attachments attachments, WhatsAppTemplates whatsApp) {
        this.whatsApp = whatsApp;
        this.conversations = conversations;
        this.thread = thread;
        this.panels = panels;
        this.reads = reads;
        this.attachments = attachments;
    }

    @GetMapping("/inbox/{conversationId}")
    String thread(Actor actor, @PathVariable UUID conversationId, Locale locale, Model model) {
        var conversation = conversations.get(actor.workspaceId(), conversationId);
        reads.markRead(actor.workspaceId(), conversationId, actor.id());
        model.addAttribute("header", panels.header(actor.workspaceId(), conversation));
        model.addAttribute("panel", panels.customer(actor.workspaceId(), conversation));
        model.addAttribute("messages", thread.messages(actor.workspaceId(), conversationId, null, null, locale));
        model.addAttribute("statuses", Arrays.asList(ConversationStatus.values()));
        model.addAttribute("maxBytes", attachments.maxBytes());
        model.addAttribute("whatsapp", whatsApp.forThread(actor.workspaceId(), conversation));
        return "conversation/thread";
    }

    /** Messages after {@code after}, or just {@code ids}: list items the page adds or replaces. */
    @GetMapping("/inbox/{conversationId}/messages")
    String messages(Actor actor, @PathVariable UUID conversationId, @RequestParam(required = false) @Nullable Instant after,
                    @RequestParam(required = false) @Nullable List<UUID> ids, Locale locale, Model model) {
        conversations.get(actor.workspaceId(), conversationId);
        var only = ids == null ? null : ids.stream().distinct().limit(MAX_IDS).toList();
        model.addAttribute("messages", thread.messages(actor.workspaceId(), conversationId, after, only, locale));
        return "conversation/thread-parts :: messages";
    }

    @GetMapping("/inbox/{conversationId}/header")
    String header(Actor actor, @PathVariable UUID conversationId, Model model) {
        var conversation = conversations.get(actor.workspaceId(), conversationId);
        model.addAttribute("header", panels.header(actor.workspaceId(), conversation));
        model.addAttribute("statuses", Arrays.asList(ConversationStatus.values()));
        return "conversation/thread-parts :: header";
    }

    /** The operator saw what arrived while the conversation was open. */
    @PostMapping("/inbox/{conversationId}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void read(Actor actor, @PathVariable UUID conversationId) {
        conversations.get(actor.workspaceId(), conversationId);
        reads.markRead(actor.workspaceId(), conversationId, actor.id());
    }
}
