package io.beseda.conversation.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.conversation.Operator;
import io.beseda.conversation.OperatorStatus;
import io.beseda.conversation.Operators;
import io.beseda.workspace.Actor;
import io.beseda.workspace.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Operators", description = "Who takes chats now, how many at once, and how many they hold")
class OperatorsApiController {

    private final Operators operators;

    OperatorsApiController(Operators operators) {
        this.operators = operators;
    }

    @GetMapping("/api/v1/operators")
    @Operation(summary = "Owners, admins and operators with availability, capacity and open chats")
    List<Operator> list(Actor actor) {
        return operators.list(actor.workspaceId());
    }

    @PutMapping("/api/v1/operators/me/availability")
    @Operation(summary = "Set the caller's own availability (a signed-in person; API keys get 409)")
    Operator mine(Actor actor, @Valid @RequestBody Availability body) {
        return operators.setAvailability(actor, body.status());
    }

    @PutMapping("/api/v1/operators/{userId}/availability")
    @Operation(summary = "Set an operator's availability (an integration such as a phone system)")
    Operator availability(Actor actor, @PathVariable UUID userId, @Valid @RequestBody Availability body) {
        return operators.setAvailability(actor, new UserId(userId), body.status());
    }

    @PutMapping("/api/v1/operators/{userId}/capacity")
    @Operation(summary = "How many open chats the operator may hold at once (0–100)")
    Operator capacity(Actor actor, @PathVariable UUID userId, @Valid @RequestBody Capacity body) {
        return operators.setCapacity(actor, new UserId(userId), body.capacity());
    }

    record Availability(@NotNull OperatorStatus status) {
    }

    record Capacity(@NotNull @Min(0) @Max(Operator.MAX_CAPACITY) Integer capacity) {
    }
}
