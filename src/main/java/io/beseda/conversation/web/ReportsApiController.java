package io.beseda.conversation.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.conversation.CsatRatings;
import io.beseda.conversation.SlaReports;
import io.beseda.workspace.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Service quality", description = "SLA breaches and CSAT ratings")
class ReportsApiController {

    private final SlaReports sla;
    private final CsatRatings csat;
    private final java.time.Clock clock;

    ReportsApiController(SlaReports sla, CsatRatings csat, java.time.Clock clock) {
        this.sla = sla;
        this.csat = csat;
        this.clock = clock;
    }

    @GetMapping("/api/v1/sla/breaches")
    @Operation(summary = "Missed first and next response targets in [from, to) per team and operator (default: the last 7 days)")
    SlaReports.Report breaches(Actor actor, @RequestParam(required = false) @Nullable Instant from,
                               @RequestParam(required = false) @Nullable Instant to) {
        var end = to == null ? clock.instant() : to;
        return sla.breaches(actor.workspaceId(), from == null ? end.minus(Duration.ofDays(7)) : from, end);
    }

    @GetMapping("/api/v1/csat")
    @Operation(summary = "CSAT ratings given in [from, to): count and average, per operator and team (default: the last 30 days)")
    CsatRatings.Summary summary(Actor actor, @RequestParam(required = false) @Nullable Instant from,
                                @RequestParam(required = false) @Nullable Instant to) {
        var end = to == null ? clock.instant() : to;
        return csat.summary(actor.workspaceId(), from == null ? end.minus(Duration.ofDays(30)) : from, end);
    }

    @GetMapping("/api/v1/conversations/{conversationId}/csat")
    @Operation(summary = "The CSAT requests of a conversation and their ratings, newest first")
    List<CsatRatings.Request> ratings(Actor actor, @PathVariable UUID conversationId) {
        return csat.forConversation(actor.workspaceId(), conversationId);
    }
}
