package io.beseda.conversation.web;

import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.conversation.BusinessHours;
import io.beseda.conversation.Inbox;
import io.beseda.conversation.InboxChange;
import io.beseda.conversation.InboxSettings;
import io.beseda.workspace.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Inboxes", description = "Where conversations land: team, business hours, out-of-office text, channel accounts")
class InboxesApiController {

    private final InboxSettings inboxes;

    InboxesApiController(InboxSettings inboxes) {
        this.inboxes = inboxes;
    }

    @GetMapping("/api/v1/inboxes")
    @Operation(summary = "All inboxes, the default first")
    List<Inbox> list(Actor actor) {
        return inboxes.list(actor.workspaceId());
    }

    @GetMapping("/api/v1/inboxes/{inboxId}")
    @Operation(summary = "One inbox")
    Inbox get(Actor actor, @PathVariable UUID inboxId) {
        return inboxes.get(actor.workspaceId(), inboxId);
    }

    @PostMapping("/api/v1/inboxes")
    @Operation(summary = "Create an inbox")
    ResponseEntity<Inbox> create(Actor actor, @Valid @RequestBody InboxBody body) {
        var inbox = inboxes.create(actor, body.change());
        return ResponseEntity.created(URI.create("/api/v1/inboxes/" + inbox.id())).body(inbox);
    }

    @PutMapping("/api/v1/inboxes/{inboxId}")
    @Operation(summary = "Edit an inbox: name, team, time zone, business hours {\"MONDAY\": [[\"09:00\", \"18:00\"]]}, out-of-office text")
    Inbox update(Actor actor, @PathVariable UUID inboxId, @Valid @RequestBody InboxBody body) {
        return inboxes.update(actor, inboxId, body.change());
    }

    @DeleteMapping("/api/v1/inboxes/{inboxId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an inbox without conversations (not the default one)")
    void delete(Actor actor, @PathVariable UUID inboxId) {
        inboxes.delete(actor, inboxId);
    }

    @PutMapping("/api/v1/inboxes/{inboxId}/accounts/{accountId}")
    @Operation(summary = "Send a channel account's conversations to this inbox")
    Inbox map(Actor actor, @PathVariable UUID inboxId, @PathVariable UUID accountId) {
        return inboxes.mapAccount(actor, inboxId, accountId);
    }

    @DeleteMapping("/api/v1/inboxes/{inboxId}/accounts/{accountId}")
    @Operation(summary = "Send a channel account's conversations back to the default inbox")
    Inbox unmap(Actor actor, @PathVariable UUID inboxId, @PathVariable UUID accountId) {
        return inboxes.unmapAccount(actor, inboxId, accountId);
    }

    @ExceptionHandler(BadField.class)
    ProblemDetail badField(BadField e) {
        return e.problem();
    }

    record InboxBody(@NotBlank @Size(max = 100) String name, @Nullable UUID teamId, @Nullable String timeZone,
                     @Nullable Map<String, List<List<String>>> businessHours,
                     @Nullable @Size(max = InboxChange.MAX_OUT_OF_OFFICE) String outOfOfficeText) {

        InboxChange change() {
            return new InboxChange(name, teamId, zone(), hours(), outOfOfficeText);
        }

        private ZoneId zone() {
            try {
                return timeZone == null ? ZoneId.of("Europe/Moscow") : ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                throw new BadField("timeZone", "is not a known time zone (e.g. Europe/Moscow)");
            }
        }

        private BusinessHours hours() {
            try {
                return businessHours == null ? BusinessHours.ALWAYS_OPEN : BusinessHours.fromJson(businessHours);
            } catch (IllegalArgumentException | DateTimeException e) {
                throw new BadField("businessHours", "must map weekdays to [\"HH:MM\", \"HH:MM\"] intervals: " + e.getMessage());
            }
        }
    }
}
