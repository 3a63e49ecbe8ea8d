package io.beseda.channel.web;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.channel.MessageId;
import io.beseda.channel.OutboundMessage;
import io.beseda.channel.Outbox;
import io.beseda.consent.Channel;
import io.beseda.consent.MessageCategory;
import io.beseda.customer.CustomerId;
import io.beseda.shared.NotFoundException;
import io.beseda.workspace.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Messages", description = "Send a message to a customer; follow its status")
class MessagesApiController {

    private final Outbox outbox;

    MessagesApiController(Outbox outbox) {
        this.outbox = outbox;
    }

    @PostMapping("/api/v1/messages")
    @Operation(summary = "Queue a message; the same idempotencyKey queues it once",
            description = "The send policy decides right before sending: marketing needs consent, caps and quiet hours apply.")
    ResponseEntity<Outbox.Entry> queue(Actor actor, @Valid @RequestBody SendMessage request) {
        var id = outbox.queue(actor.workspaceId(), new OutboundMessage(new CustomerId(request.customerId()), request.channel(),
                request.category(), request.text(), request.address(), request.idempotencyKey(), Boolean.TRUE.equals(request.template()),
                Duration.ofMinutes(request.deadlineMinutes() == null ? 24 * 60 : request.deadlineMinutes())));
        return ResponseEntity.accepted().location(URI.create("/api/v1/messages/" + id)).body(get(actor, id.value()));
    }

    @GetMapping("/api/v1/messages/{messageId}")
    @Operation(summary = "A message's status, attempts and, if it failed, why")
    Outbox.Entry get(Actor actor, @PathVariable UUID messageId) {
        return outbox.find(actor.workspaceId(), new MessageId(messageId))
                .orElseThrow(() -> new NotFoundException("Message", messageId));
    }

    record SendMessage(@NotNull UUID customerId, @NotNull Channel channel, @NotNull MessageCategory category,
                       @NotBlank @Size(max = 4096) String text, @Nullable @Size(max = 320) String address,
                       @NotBlank @Size(max = 200) String idempotencyKey, @Nullable Boolean template,
                       @Nullable @Min(1) @Max(7 * 24 * 60) Integer deadlineMinutes) {
    }
}
