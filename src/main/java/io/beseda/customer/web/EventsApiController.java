package io.beseda.customer.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.customer.storefront.IngestResult;
import io.beseda.customer.storefront.StorefrontEventParser;
import io.beseda.customer.storefront.StorefrontIngestion;
import io.beseda.shared.Problems;
import io.beseda.workspace.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

@RestController
@Tag(name = "Storefront events", description = "What customers do on the shop's site")
class EventsApiController {

    private final StorefrontEventParser parser;
    private final StorefrontIngestion ingestion;

    EventsApiController(StorefrontEventParser parser, StorefrontIngestion ingestion) {
        this.parser = parser;
        this.ingestion = ingestion;
    }

    @PostMapping("/api/v1/events")
    @Operation(summary = "Record a batch of up to 1,000 storefront events",
            description = "Idempotent by event id. Types: product_viewed, category_viewed, search, cart_updated, "
                    + "checkout_started, order_placed, order_status_changed, session_started; others are kept as "
                    + "custom events. Malformed events are refused one by one (see 'rejected') while the rest are stored.")
    ResponseEntity<?> record(Actor actor, @RequestBody JsonNode body) {
        var events = body.path("events");
        if (!events.isArray()) {
            return ResponseEntity.badRequest().body(Problems.badField("Bad Request", "Send {\"events\": [ … ]}", "events", "must be an array"));
        }
        if (events.size() > StorefrontEventParser.MAX_BATCH) {
            return ResponseEntity.badRequest().body(Problems.badField("Bad Request", "A batch holds at most "
                    + StorefrontEventParser.MAX_BATCH + " events; split it", "events", "has " + events.size() + " events"));
        }
        IngestResult result = ingestion.ingest(actor.workspaceId(), parser.parse(events));
        return ResponseEntity.ok(result);
    }

}
