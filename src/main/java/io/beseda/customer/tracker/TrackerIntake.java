package io.beseda.customer.tracker;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.beseda.customer.Customers;
import io.beseda.customer.storefront.IngestResult;
import io.beseda.customer.storefront.StorefrontEventParser;
import io.beseda.customer.storefront.StorefrontIngestion;
import io.beseda.workspace.WorkspaceId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Takes a batch from the browser tracker through the same parser and ingestion as the REST API, after
 * keeping only the identities a page may claim ({@link IdentityClaims}), refusing events about other
 * customers' orders ({@link OrderGuard}) and correcting the browser's clock by the difference between its
 * {@code sentAt} and our time.
 */
@Service
class TrackerIntake {

    private final StorefrontEventParser parser;
    private final StorefrontIngestion ingestion;
    private final Customers customers;
    private final OrderGuard orders;
    private final Clock clock;

    TrackerIntake(StorefrontEventParser parser, StorefrontIngestion ingestion, Customers customers, OrderGuard orders,
                  Clock clock) {
        this.parser = parser;
        this.ingestion = ingestion;
        this.customers = customers;
        this.orders = orders;
        this.clock = clock;
    }

    /**
     * @param identity          whether the batch carried a signed identity, and whether it held
     * @param droppedIdentities claimed identities that were not used
     */
    record Result(int accepted, int duplicates, int ignored, List<IngestResult.Rejection> rejected,
                  SignedIdentity.Status identity, int droppedIdentities) {
    }

    /** @param events the batch's {@code events}, an array already checked for size */
    @Transactional
    Result take(WorkspaceId workspace, JsonNode body, JsonNode events, @Nullable String secret) {
        var signed = SignedIdentity.read(body.path("identity"), secret);
        var claims = new IdentityClaims(customers, workspace, signed);
        var skew = skew(body.path("sentAt"));
        ArrayNode admitted = JsonNodeFactory.instance.arrayNode();
        for (var event : events) {
            admitted.add(event.isObject() ? admit((ObjectNode) event, claims, skew) : event);
        }
        var result = ingestion.ingest(workspace, orders.guard(workspace, parser.parse(admitted), admitted));
        return new Result(result.accepted(), result.duplicates(), result.ignored(), result.rejected(),
                signed.status(), claims.dropped());
    }

    private static ObjectNode admit(ObjectNode event, IdentityClaims claims, Duration skew) {
        var copy = event.deepCopy();
        copy.set("customer", claims.admit(event.path("customer")));
        var at = event.path("occurredAt");
        if (!skew.isZero() && at.isString()) {
            try {
                copy.put("occurredAt", OffsetDateTime.parse(at.asString()).plus(skew).toString());
            } catch (DateTimeParseException e) {
                // left as sent: the parser explains what is wrong with it
            }
        }
        return copy;
    }

    /** How far the browser's clock is behind ours; zero when it did not say when it sent the batch. */
    private Duration skew(JsonNode sentAt) {
        if (!sentAt.isString()) {
            return Duration.ZERO;
        }
        try {
            var sent = OffsetDateTime.parse(sentAt.asString()).toInstant();
            var skew = Duration.between(sent, clock.instant());
            // Under a few seconds is transit time, not a wrong clock.
            return skew.abs().compareTo(Duration.ofSeconds(5)) < 0 ? Duration.ZERO : skew;
        } catch (DateTimeParseException e) {
            return Duration.ZERO;
        }
    }
}
