package io.beseda.customer.tracker;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.beseda.customer.CustomerHistory;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.customer.IdentityKind;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.WorkspaceId;

import static io.beseda.customer.tracker.TrackerClient.batch;
import static io.beseda.customer.tracker.TrackerClient.event;
import static org.assertj.core.api.Assertions.assertThat;

/** The public endpoint the browser tracker posts to: CORS, content types, limits, clocks. */
@BesedaTest
class TrackerEndpointTests {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Trackers trackers;

    @Autowired
    Customers customers;

    @Autowired
    CustomerHistory history;

    private TrackerClient tracker;

    @BeforeEach
    void client() {
        tracker = new TrackerClient(port);
    }

    @Test
    void answersTheCorsPreflightOfAnyShop() {
        var response = tracker.preflight(trackers.of(workspace("Preflight")).token());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(m -> assertThat(m).contains("POST"));
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers"))
                .hasValueSatisfying(h -> assertThat(h).containsIgnoringCase("content-type"));
    }

    @Test
    void takesABeaconBatchAsPlainTextFromAnotherOrigin() {
        var workspace = workspace("Маячок");
        var visitor = UUID.randomUUID().toString();

        var response = tracker.post(trackers.of(workspace).token(),
                batch(event("product_viewed", Map.of("visitorId", visitor), "{\"productId\": \"p-1\", \"name\": \"Кеды\"}")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(response.body()).contains("\"accepted\":1");
        var customer = customers.findBy(workspace, Identity.of(IdentityKind.VISITOR, visitor)).orElseThrow();
        assertThat(history.timeline(workspace, customer, null, 10)).singleElement()
                .satisfies(e -> assertThat(e.properties()).containsEntry("name", "Кеды"));
    }

    @Test
    void aRetriedBatchIsStoredOnce() {
        var workspace = workspace("Повтор");
        var visitor = UUID.randomUUID().toString();
        var body = batch(event("search", Map.of("visitorId", visitor), "{\"query\": \"шарф\"}"));
        var token = trackers.of(workspace).token();

        tracker.post(token, body);
        var again = tracker.post(token, body);

        assertThat(again.body()).contains("\"accepted\":0", "\"duplicates\":1");
        var customer = customers.findBy(workspace, Identity.of(IdentityKind.VISITOR, visitor)).orElseThrow();
        assertThat(history.timeline(workspace, customer, null, 10)).hasSize(1);
    }

    @Test
    void anUnknownTokenIsNotFound() {
        var response = tracker.post("trk_no-such-token", batch(event("search", Map.of("visitorId", "v"), "{\"query\": \"x\"}")));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    @Test
    void refusesABodyOverTheSizeLimit() {
        var token = trackers.of(workspace("Большая пачка")).token();
        var huge = "x".repeat(TrackerSettings.MAX_BODY_BYTES);

        var response = tracker.post(token, batch(event("search", Map.of("visitorId", "v"), "{\"query\": \"" + huge + "\"}")));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    @Test
    void refusesMoreThanAHundredEventsInABatch() {
        var token = trackers.of(workspace("Много событий")).token();
        var events = Collections.nCopies(101, event("search", Map.of("visitorId", "v"), "{\"query\": \"x\"}"));

        var response = tracker.post(token, "application/json", batch(events.toArray(String[]::new)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"field\":\"events\"", "101");
    }

    @Test
    void refusesOtherContentTypes() {
        var token = trackers.of(workspace("Не тот тип")).token();

        assertThat(tracker.post(token, "application/xml", "<events/>").statusCode()).isEqualTo(415);
    }

    @Test
    void limitsHowOftenOneAddressPostsWithOneToken() {
        var token = trackers.of(workspace("Частые пачки")).token();
        var limit = 120;

        // At most two one-minute windows pass while this runs, so one of them must see more than the limit.
        var statuses = new ArrayList<Integer>();
        for (int i = 0; i < 2 * limit + 1 && !statuses.contains(429); i++) {
            statuses.add(tracker.post(token, "{\"events\": []}").statusCode());
        }

        assertThat(statuses).contains(429).hasSizeGreaterThan(limit);
        var other = trackers.of(workspace("Соседний магазин")).token();
        assertThat(tracker.post(other, "{\"events\": []}").statusCode()).as("other tokens are not held back").isEqualTo(200);
    }

    @Test
    void correctsTheTimesOfABrowserWhoseClockIsDaysAhead() {
        var workspace = workspace("Часы спешат");
        var visitor = UUID.randomUUID().toString();
        var browserNow = Instant.now().plus(3, ChronoUnit.DAYS);
        var body = "{\"sentAt\": \"" + browserNow + "\", \"events\": ["
                + event("search", Map.of("visitorId", visitor), "{\"query\": \"шарф\"}", browserNow) + "]}";

        var response = tracker.post(trackers.of(workspace).token(), body);

        assertThat(response.body()).contains("\"accepted\":1");
        var customer = customers.findBy(workspace, Identity.of(IdentityKind.VISITOR, visitor)).orElseThrow();
        assertThat(history.timeline(workspace, customer, null, 1).getFirst().occurredAt())
                .isBetween(Instant.now().minus(1, ChronoUnit.MINUTES), Instant.now());
    }

    private WorkspaceId workspace(String name) {
        return workspaces.create(name).workspace().id();
    }
}
