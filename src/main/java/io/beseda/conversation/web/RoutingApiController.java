package io.beseda.conversation.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.conversation.Assignments;
import io.beseda.conversation.Conversation;
import io.beseda.conversation.Priority;
import io.beseda.conversation.Triage;
import io.beseda.workspace.Actor;
import io.beseda.workspace.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Conversations")
class RoutingApiController {

    private final Assignments assignments;
    private final Triage triage;

    RoutingApiController(Assignments assignments, Triage triage) {
        this.assignments = assignments;
        this.triage = triage;
    }

    @PutMapping("/api/v1/conversations/{conversationId}/assignee")
    @Operation(summary = "Assign to an operator ({\"userId\": …}), or back to the queue ({\"userId\": null}); 409 when they have no room")
    Conversation assign(Actor actor, @PathVariable UUID conversationId, @RequestBody Assignee body) {
        return assignments.assign(actor, conversationId, body.userId() == null ? null : new UserId(body.userId()));
    }

    @PostMapping("/api/v1/conversations/{conversationId}/transfer")
    @Operation(summary = "Transfer to an operator (userId) or a team (teamId), with a note left in the thread")
    Conversation transfer(Actor actor, @PathVariable UUID conversationId, @Valid @RequestBody Transfer body) {
        return body.userId() != null
                ? assignments.transferToOperator(actor, conversationId, new UserId(body.userId()), body.note())
                : assignments.transferToTeam(actor, conversationId, body.teamId(), body.note());
    }

    @PutMapping("/api/v1/conversations/{conversationId}/priority")
    @Operation(summary = "LOW, NORMAL, HIGH or URGENT; the queue hands out urgent ones first")
    Conversation priority(Actor actor, @PathVariable UUID conversationId, @Valid @RequestBody PriorityBody body) {
        return triage.setPriority(actor, conversationId, body.priority());
    }

    @PutMapping("/api/v1/conversations/{conversationId}/labels")
    @Operation(summary = "Replace the labels (lower-cased; at most 20, each at most 32 characters)")
    Conversation labels(Actor actor, @PathVariable UUID conversationId, @Valid @RequestBody Labels body) {
        return triage.setLabels(actor, conversationId, body.labels());
    }

    @PostMapping("/api/v1/conversations/{conversationId}/labels")
    @Operation(summary = "Add one label")
    Conversation addLabel(Actor actor, @PathVariable UUID conversationId, @Valid @RequestBody Label body) {
        return triage.addLabel(actor, conversationId, body.label());
    }

    @DeleteMapping("/api/v1/conversations/{conversationId}/labels/{label}")
    @Operation(summary = "Remove one label")
    Conversation removeLabel(Actor actor, @PathVariable UUID conversationId, @PathVariable String label) {
        return triage.removeLabel(actor, conversationId, label);
    }

    @PostMapping("/api/v1/conversations/{conversationId}/snooze")
    @Operation(summary = "Snooze until a time; it reopens then, or when the customer writes")
    Conversation snooze(Actor actor, @PathVariable UUID conversationId, @Valid @RequestBody Snooze body) {
        return triage.snooze(actor, conversationId, body.until());
    }

    record Assignee(@Nullable UUID userId) {
    }

    record Transfer(@Nullable UUID userId, @Nullable UUID teamId, @Nullable @Size(max = 1000) String note) {

        @AssertTrue(message = "give exactly one of userId and teamId")
        boolean isTarget() {
            return (userId == null) != (teamId == null);
        }
    }

    record PriorityBody(@NotNull Priority priority) {
    }

    record Labels(@NotNull @Size(max = 20) List<@NotBlank @Size(max = 32) String> labels) {
    }

    record Label(@NotBlank @Size(max = 32) String label) {
    }

    record Snooze(@NotNull Instant until) {
    }
}
