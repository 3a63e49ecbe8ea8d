package io.beseda.bot.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.bot.BotMetrics;
import io.beseda.bot.BotTestChat;
import io.beseda.bot.ReturnRequests;
import io.beseda.workspace.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** What the bot did (metrics, the return requests it opened) and what it would make of a message. */
@RestController
@Tag(name = "Bot")
class BotInsightsApiController {

    static final Duration LONGEST_PERIOD = Duration.ofDays(366);

    record ReadingRequest(@NotNull @Size(max = 10_000) String text) {
    }

    private final BotMetrics metrics;
    private final BotTestChat testChat;
    private final ReturnRequests returns;
    private final Clock clock;

    BotInsightsApiController(BotMetrics metrics, BotTestChat testChat, ReturnRequests returns, Clock clock) {
        this.metrics = metrics;
        this.testChat = testChat;
        this.returns = returns;
        this.clock = clock;
    }

    @GetMapping("/api/v1/bot/metrics")
    @Operation(summary = "Containment, hand-off reasons, fallback rate and per-intent figures for sessions and messages in [from, to)",
            description = "Default: the last 30 days. Containment is the share of bot sessions that ended without a hand-off; "
                    + "the fallback rate is the share of messages the bot did not understand (or that had no text).")
    BotMetrics.Report metrics(Actor actor, @RequestParam(required = false) @Nullable Instant from,
                              @RequestParam(required = false) @Nullable Instant to) {
        var end = to == null ? clock.instant() : to;
        var start = from == null ? end.minus(Duration.ofDays(30)) : from;
        if (!start.isBefore(end)) {
            throw BadField.of("from", "must be before 'to'");
        }
        if (Duration.between(start, end).compareTo(LONGEST_PERIOD) > 0) {
            throw BadField.of("from", "must be at most 366 days before 'to'");
        }
        return metrics.report(actor.workspaceId(), start, end);
    }

    @PostMapping("/api/v1/bot/readings")
    @Operation(summary = "What the bot makes of one message, as if it opened a conversation: intent, the runners-up, entities, "
            + "what it would say and whether it would hand over. Nothing is sent or stored.")
    BotTestChat.Turn read(Actor actor, @Valid @RequestBody ReadingRequest request) {
        return testChat.say(actor.workspaceId(), new BotTestChat.Chat(), request.text(), null);
    }

    @GetMapping("/api/v1/bot/return-requests")
    @Operation(summary = "The return requests the bot opened, newest first: order, the customer's words, the photos")
    List<ReturnRequests.ReturnRequest> returnRequests(Actor actor, @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw BadField.of("limit", "must be between 1 and 500");
        }
        return returns.list(actor.workspaceId(), limit);
    }
}
