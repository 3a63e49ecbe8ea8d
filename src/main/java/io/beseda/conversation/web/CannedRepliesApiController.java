package io.beseda.conversation.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.conversation.CannedReplies;
import io.beseda.conversation.CannedReply;
import io.beseda.conversation.CannedReplyDraft;
import io.beseda.conversation.InvalidTemplateException;
import io.beseda.workspace.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Canned replies", description = "Scripts with Liquid variables: customer.first_name, customer.name, order.number, operator.name")
class CannedRepliesApiController {

    private final CannedReplies replies;

    CannedRepliesApiController(CannedReplies replies) {
        this.replies = replies;
    }

    @GetMapping("/api/v1/canned-replies")
    @Operation(summary = "Scripts by shortcut; ?query= filters by shortcut or title")
    List<CannedReply> list(Actor actor, @RequestParam(required = false) @Nullable String query) {
        return replies.list(actor.workspaceId(), query);
    }

    @PostMapping("/api/v1/canned-replies")
    @Operation(summary = "Create a script; a body that is not a valid Liquid template is refused (400, field body)")
    ResponseEntity<CannedReply> create(Actor actor, @Valid @RequestBody Draft body) {
        var reply = replies.create(actor, body.draft());
        return ResponseEntity.created(URI.create("/api/v1/canned-replies/" + reply.id())).body(reply);
    }

    @GetMapping("/api/v1/canned-replies/{cannedReplyId}")
    @Operation(summary = "One script")
    CannedReply get(Actor actor, @PathVariable UUID cannedReplyId) {
        return replies.get(actor.workspaceId(), cannedReplyId);
    }

    @PutMapping("/api/v1/canned-replies/{cannedReplyId}")
    @Operation(summary = "Edit a script")
    CannedReply update(Actor actor, @PathVariable UUID cannedReplyId, @Valid @RequestBody Draft body) {
        return replies.update(actor, cannedReplyId, body.draft());
    }

    @DeleteMapping("/api/v1/canned-replies/{cannedReplyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a script")
    void delete(Actor actor, @PathVariable UUID cannedReplyId) {
        replies.delete(actor, cannedReplyId);
    }

    @PostMapping("/api/v1/conversations/{conversationId}/canned-replies/{cannedReplyId}/render")
    @Operation(summary = "The script filled in for the conversation's customer, as plain text for a reply")
    Rendered render(Actor actor, @PathVariable UUID conversationId, @PathVariable UUID cannedReplyId) {
        return new Rendered(replies.render(actor, conversationId, cannedReplyId));
    }

    @ExceptionHandler(InvalidTemplateException.class)
    ProblemDetail invalid(InvalidTemplateException e) {
        return BadField.problem(e);
    }

    record Draft(@NotBlank @Pattern(regexp = "[a-z0-9а-яё_-]{1,32}") String shortcut, @NotBlank @Size(max = CannedReplyDraft.MAX_TITLE) String title,
                 @NotBlank @Size(max = CannedReplyDraft.MAX_BODY) String body) {

        CannedReplyDraft draft() {
            return new CannedReplyDraft(shortcut, title, body);
        }
    }

    record Rendered(String text) {
    }
}
