package io.beseda.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.dispatch.Dispatcher;
import io.beseda.consent.Channel;
import io.beseda.consent.ConsentChange;
import io.beseda.consent.ConsentPurpose;
import io.beseda.consent.ConsentSource;
import io.beseda.consent.Consents;
import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.journey.definition.JourneyDefinition;
import io.beseda.journey.runtime.JourneyCatalog;
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;
import io.beseda.testing.VirtualClock;
import io.beseda.workspace.Actor;
import io.beseda.workspace.WorkspaceId;

/**
 * A shop for journey tests: a workspace with sandbox accounts, one shopper known by browser, phone and e-mail,
 * a launched journey, and the storefront events and waits the tests need, on the test's virtual clock.
 */
final class JourneyShop {

    record Sent(String channel, String status, String body, @Nullable String subject, @Nullable String failureReason,
                Instant nextAttemptAt) {
    }

    /** Days handed out to tests of the virtual-clock context: each starts on a later one, as the clock only moves forward. */
    private static final java.util.concurrent.atomic.AtomicInteger DAYS = new java.util.concurrent.atomic.AtomicInteger();

    /** A day years ahead, later than any a test of the same context used. */
    static java.time.LocalDate freshDay() {
        return java.time.LocalDate.of(2031, 3, 10).plusDays(DAYS.addAndGet(4));
    }

    final TestWorkspaces.Tenant tenant;
    final WorkspaceId workspace;
    final String visitor = UUID.randomUUID().toString();
    final String phone = "+7916" + String.format("%07d", Math.floorMod(UUID.randomUUID().hashCode(), 10_000_000));
    final String email = "shopper-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ru";
    final String telegram = String.valueOf(Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 9_000_000_000L) + 1_000_000_000L);
    private final int port;
    private final JdbcClient jdbc;
    private final VirtualClock clock;
    private final @Nullable Dispatcher dispatcher;
    private final Customers customers;
    private UUID journey;

    JourneyShop(TestWorkspaces workspaces, int port, JdbcClient jdbc, VirtualClock clock, @Nullable Dispatcher dispatcher, Customers customers) {
        this.tenant = workspaces.create("Журнеи " + UUID.randomUUID());
        this.workspace = tenant.workspace().id();
        this.port = port;
        this.jdbc = jdbc;
        this.clock = clock;
        this.dispatcher = dispatcher;
        this.customers = customers;
    }

    JourneyShop accounts(ChannelAccounts accounts, Channel... channels) {
        for (var channel : channels) {
            accounts.add(workspace, channel, "sandbox", "Песочница " + channel, Map.of(), 50);
        }
        return this;
    }

    /** The shopper signs in on the site: one profile with their browser, phone and e-mail. */
    CustomerId shopper() {
        event("session_started", Map.of());
        return customers.findBy(workspace, Identity.phone(phone)).orElseThrow();
    }

    JourneyShop consents(Consents consents, Channel... channels) {
        var actor = Actor.system(workspace, "test");
        if (consents.texts(workspace).stream().noneMatch(t -> t.purpose() == ConsentPurpose.MARKETING && t.version().equals("2026-01"))) {
            consents.registerText(actor, ConsentPurpose.MARKETING, "2026-01", "Согласен получать рекламу магазина.");
        }
        for (var channel : channels) {
            consents.record(actor, shopper(), new ConsentChange(ConsentPurpose.MARKETING, channel, null, true, "2026-01",
                    ConsentSource.CHECKOUT, "203.0.113.7", "Firefox", Map.of("checkbox", "marketing")));
        }
        return this;
    }

    UUID launch(JourneyCatalog catalog, String name, JourneyDefinition definition) {
        var actor = Actor.system(workspace, "test");
        journey = catalog.create(actor, name, definition, null).id();
        catalog.launch(actor, journey, false, List.of());
        return journey;
    }

    void event(String type, Map<String, Object> properties) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("id", UUID.randomUUID().toString());
        body.put("type", type);
        body.put("occurredAt", clock.instant().toString());
        body.put("customer", Map.of("visitorId", visitor, "phone", phone, "email", email, "telegramId", telegram));
        body.put("properties", properties);
        var json = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(Map.of("events", List.of(body)));
        var answer = Http.api(port).call("POST", "/api/v1/events", tenant.apiKey(), json);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    void putInCart() {
        event("cart_updated", Map.of("items", List.of(Map.of("productId", "sku-1", "name", "Платье «Лето»", "price", 4990, "quantity", 1)),
                "total", 4990, "currency", "RUB"));
    }

    void putInCartAndLeave() {
        putInCart();
        // the journey's listener has seen the cart once the idle check is scheduled
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from scheduled_tasks where task_name = 'journey-cart-idle' and task_instance = ?")
                .param(journey + "|" + customerId().value()).query(Long.class).single() == 1);
    }

    void buy(String orderId, int total) {
        event("order_placed", Map.of("orderId", orderId, "total", total, "currency", "RUB", "status", "new",
                "items", List.of(Map.of("productId", "sku-1", "name", "Платье «Лето»", "price", total, "quantity", 1))));
    }

    /** The shopper's own time zone, where quiet hours are kept. */
    java.time.ZoneId zone() {
        return customers.get(workspace, customerId()).timeZoneOr(tenant.workspace().timeZone());
    }

    CustomerId customerId() {
        return customers.findBy(workspace, Identity.phone(phone)).orElseThrow();
    }

    /** Moves the clock and waits until the run has moved to {@code step} (or ended, for null). */
    void after(Duration wait) {
        clock.advance(wait);
    }

    void awaitStep(String step) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(run().get("step"))
                .as(() -> "run " + run() + ", messages " + messages() + ", steps " + executions()).isEqualTo(step));
    }

    void awaitStatus(String status) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(run().get("status"))
                .as(() -> "run " + run() + ", messages " + messages() + ", steps " + executions()).isEqualTo(status));
    }

    Map<String, Object> run() {
        return jdbc.sql("""
                select status, state->>'stepId' as step, state->>'phase' as phase, end_reason, revenue, converted_step, waiting_message_id
                from journey_run where journey_id = ? and customer_id = ? order by entered_at desc limit 1""")
                .params(journey, customerId().value()).query().listOfRows().stream().findFirst().orElse(Map.of());
    }

    /** Sends what is due, as the background dispatcher would. */
    void dispatch() {
        java.util.Objects.requireNonNull(dispatcher, "this shop has no dispatcher").dispatchDue();
    }

    List<Sent> messages() {
        return jdbc.sql("""
                select channel, status, body, subject, failure_reason, next_attempt_at from outbound_message
                where workspace_id = ? and customer_id = ? order by created_at, channel""")
                .params(workspace.value(), customerId().value())
                .query((row, n) -> new Sent(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                        row.getTimestamp(6).toInstant())).list();
    }

    void awaitMessageOn(String channel) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(channels())
                .as(() -> "run " + run() + ", messages " + messages() + ", steps " + executions()).contains(channel));
    }

    List<String> channels() {
        return messages().stream().map(Sent::channel).toList();
    }

    /** What the run's steps did, in order: "step outcome [channel]". */
    List<String> executions() {
        return jdbc.sql("""
                select e.step_id, e.outcome, e.channel, e.detail from journey_step_execution e join journey_run r on r.id = e.run_id
                where r.journey_id = ? and r.customer_id = ? order by e.seq""")
                .params(journey, customerId().value())
                .query((row, n) -> row.getString(1) + " " + row.getString(2) + (row.getString(3) == null ? "" : " " + row.getString(3)))
                .list();
    }

    long timersOfRun() {
        return jdbc.sql("select count(*) from scheduled_tasks where task_name = 'journey-wake' and task_instance like ?")
                .param(UUID.fromString(jdbc.sql("select id::text from journey_run where journey_id = ? order by entered_at desc limit 1")
                        .param(journey).query(String.class).single()) + "|%").query(Long.class).single();
    }

    static BigDecimal rub(int amount) {
        return BigDecimal.valueOf(amount).setScale(2);
    }

    static Timestamp at(Instant instant) {
        return Timestamp.from(instant);
    }
}
