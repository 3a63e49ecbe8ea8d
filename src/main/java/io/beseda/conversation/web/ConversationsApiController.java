package io.beseda.conversation.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.conversation.Conversation;
import io.beseda.conversation.ConversationMessage;
import io.beseda.conversation.ConversationStatus;
import io.beseda.conversation.Conversations;
import io.beseda.workspace.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Conversations", description = "One thread per customer across channels")
class ConversationsApiController {

    private final Conversations conversations;

    ConversationsApiController(Conversations conversations) {
        this.conversations = conversations;
    }

    @GetMapping("/api/v1/conversations")
    @Operation(summary = "Threads, most recent first, optionally by status")
    List<Conversation> list(Actor actor, @RequestParam(required = false) @Nullable ConversationStatus status,
                            @RequestParam(defaultValue = "50") int limit) {
        return conversations.list(actor.workspaceId(), status, Math.clamp(limit, 1, 200));
    }

    @GetMapping("/api/v1/conversations/{conversationId}")
    @Operation(summary = "One thread")
    Conversation get(Actor actor, @PathVariable UUID conversationId) {
        return conversations.get(actor.workspaceId(), conversationId);
    }

    @GetMapping("/api/v1/conversations/{conversationId}/messages")
    @Operation(summary = "What was said, oldest first, notes included")
    List<ConversationMessage> messages(Actor actor, @PathVariable UUID conversationId) {
        return conversations.messages(actor.workspaceId(), conversationId);
    }

    @PostMapping("/api/v1/conversations/{conversationId}/replies")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Reply to the customer in the channel they last wrote from")
    ConversationMessage reply(Actor actor, @PathVariable UUID conversationId, @Valid @RequestBody Text text) {
        return conversations.reply(actor, conversationId, text.text());
    }

    @PostMapping("/api/v1/conversations/{conversationId}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A private note, never sent to the customer")
    ConversationMessage note(Actor actor, @PathVariable UUID conversationId, @Valid @RequestBody Text text) {
        return conversations.note(actor, conversationId, text.text());
    }

    @PostMapping("/api/v1/conversations/{conversationId}/status")
    @Operation(summary = "Open, pend, snooze or resolve a thread")
    Conversation status(Actor actor, @PathVariable UUID conversationId, @Valid @RequestBody StatusChange change) {
        return conversations.setStatus(actor, conversationId, change.status());
    }

    record Text(@NotBlank @Size(max = 4096) String text) {
    }

    record StatusChange(@NotNull ConversationStatus status) {
    }
}
