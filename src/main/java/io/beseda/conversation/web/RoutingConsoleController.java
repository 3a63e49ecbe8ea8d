package io.beseda.conversation.web;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.beseda.conversation.Assignments;
import io.beseda.conversation.CannedReplies;
import io.beseda.conversation.Conversation;
import io.beseda.conversation.ConversationStatus;
import io.beseda.conversation.Conversations;
import io.beseda.conversation.Priority;
import io.beseda.conversation.Triage;
import io.beseda.shared.RuleViolationException;
import io.beseda.workspace.Actor;
import io.beseda.workspace.UserId;
import io.beseda.workspace.Workspaces;

/**
 * The thread header's controls: take a chat, hand it to someone, send it back to the queue, transfer it with
 * a note, set its priority and labels, snooze it — and the composer's canned replies. Each answers the
 * redrawn header to the page's script ({@code X-Inbox: fragment}) and redirects a plain form post.
 */
@Controller
class RoutingConsoleController {

    private static final String FRAGMENT = "X-Inbox";

    private final Conversations conversations;
    private final Assignments assignments;
    private final Triage triage;
    private final CannedReplies cannedReplies;
    private final ThreadPanels panels;
    private final Workspaces workspaces;
    private final MessageSource messages;

    RoutingConsoleController(Conversations conversations, Assignments assignments, Triage triage, CannedReplies cannedReplies,
                             ThreadPanels panels, Workspaces workspaces, MessageSource messages) {
        this.conversations = conversations;
        this.assignments = assignments;
        this.triage = triage;
        this.cannedReplies = cannedReplies;
        this.panels = panels;
        this.workspaces = workspaces;
        this.messages = messages;
    }

    /** {@code operator}: a user id, {@code me}, or empty to send the chat back to the queue. */
    @PostMapping("/inbox/{conversationId}/assignee")
    String assign(Actor actor, @PathVariable UUID conversationId, @RequestParam(defaultValue = "") String operator,
                  @RequestHeader(name = FRAGMENT, required = false) @Nullable String fragment, Locale locale, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        return act(actor, conversationId, fragment != null, locale, model, redirect, response, () -> assignments.assign(actor,
                conversationId, operator.isBlank() ? null : new UserId("me".equals(operator) ? actor.id() : UUID.fromString(operator))));
    }

    /** {@code to}: {@code user:<id>} or {@code team:<id>}; the note lands in the thread for whoever takes over. */
    @PostMapping("/inbox/{conversationId}/transfer")
    String transfer(Actor actor, @PathVariable UUID conversationId, @RequestParam String to,
                    @RequestParam(defaultValue = "") String note, @RequestHeader(name = FRAGMENT, required = false) @Nullable String fragment,
                    Locale locale, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return act(actor, conversationId, fragment != null, locale, model, redirect, response, () -> {
            var text = note.isBlank() ? null : note.strip();
            if (to.startsWith("user:")) {
                return assignments.transferToOperator(actor, conversationId, new UserId(UUID.fromString(to.substring(5))), text);
            }
            if (to.startsWith("team:")) {
                return assignments.transferToTeam(actor, conversationId, UUID.fromString(to.substring(5)), text);
            }
            throw new RuleViolationException("inbox.transfer.target", "Choose an operator or a team");
        });
    }

    @PostMapping("/inbox/{conversationId}/priority")
    String priority(Actor actor, @PathVariable UUID conversationId, @RequestParam Priority priority,
                    @RequestHeader(name = FRAGMENT, required = false) @Nullable String fragment, Locale locale, Model model,
                    RedirectAttributes redirect, HttpServletResponse response) {
        return act(actor, conversationId, fragment != null, locale, model, redirect, response,
                () -> triage.setPriority(actor, conversationId, priority));
    }

    @PostMapping("/inbox/{conversationId}/labels")
    String addLabel(Actor actor, @PathVariable UUID conversationId, @RequestParam String label,
                    @RequestHeader(name = FRAGMENT, required = false) @Nullable String fragment, Locale locale, Model model,
                    RedirectAttributes redirect, HttpServletResponse response) {
        return act(actor, conversationId, fragment != null, locale, model, redirect, response,
                () -> triage.addLabel(actor, conversationId, label));
    }

    @PostMapping("/inbox/{conversationId}/labels/remove")
    String removeLabel(Actor actor, @PathVariable UUID conversationId, @RequestParam String label,
                       @RequestHeader(name = FRAGMENT, required = false) @Nullable String fragment, Locale locale, Model model,
                       RedirectAttributes redirect, HttpServletResponse response) {
        return act(actor, conversationId, fragment != null, locale, model, redirect, response,
                () -> triage.removeLabel(actor, conversationId, label));
    }

    /** {@code until}: a local date and time in the workspace's time zone. */
    @PostMapping("/inbox/{conversationId}/snooze")
    String snooze(Actor actor, @PathVariable UUID conversationId, @RequestParam LocalDateTime until,
                  @RequestHeader(name = FRAGMENT, required = false) @Nullable String fragment, Locale locale, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        var zone = workspaces.find(actor.workspaceId()).orElseThrow().timeZone();
        return act(actor, conversationId, fragment != null, locale, model, redirect, response,
                () -> triage.snooze(actor, conversationId, until.atZone(zone).toInstant()));
    }

    /** A canned reply filled in for this conversation, as plain text for the composer. */
    @PostMapping(path = "/inbox/{conversationId}/canned-replies/{cannedReplyId}", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> cannedReply(Actor actor, @PathVariable UUID conversationId, @PathVariable UUID cannedReplyId) {
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                .body(cannedReplies.render(actor, conversationId, cannedReplyId));
    }

    private String act(Actor actor, UUID conversationId, boolean fragment, Locale locale, Model model, RedirectAttributes redirect,
                       HttpServletResponse response, Supplier<Conversation> action) {
        conversations.get(actor.workspaceId(), conversationId);
        try {
            var changed = action.get();
            if (!fragment) {
                return "redirect:/inbox/" + conversationId;
            }
            model.addAttribute("header", panels.header(actor.workspaceId(), changed));
            model.addAttribute("statuses", List.of(ConversationStatus.values()));
            return "conversation/thread-parts :: header";
        } catch (RuleViolationException | AccessDeniedException | IllegalArgumentException e) {
            var code = e instanceof RuleViolationException rule ? rule.code() : "inbox.action.refused";
            var text = messages.getMessage(code, null, e.getMessage() == null ? code : e.getMessage(), locale);
            if (!fragment) {
                redirect.addFlashAttribute("error", code);
                return "redirect:/inbox/" + conversationId;
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("error", text);
            return "conversation/thread-parts :: error";
        }
    }
}
