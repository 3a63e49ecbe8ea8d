package io.beseda.journey;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.beseda.channel.ChannelAccounts;
import io.beseda.consent.Channel;
import io.beseda.consent.MessageCategory;
import io.beseda.customer.CustomerProfiles;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.customer.SegmentEntered;
import io.beseda.customer.SegmentId;
import io.beseda.journey.definition.EntryRule;
import io.beseda.journey.definition.JourneyDefinition;
import io.beseda.journey.definition.Message;
import io.beseda.journey.definition.Step;
import io.beseda.journey.definition.Trigger;
import io.beseda.journey.runtime.JourneyCatalog;
import io.beseda.journey.runtime.JourneyEntries;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.Actor;

/** Steps and triggers that reach outside the journey: the shop's webhook, the customer's profile, segment entry. */
@BesedaTest
class JourneyStepsAtWorkTests {

    @RegisterExtension
    static WireMockExtension shop = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ChannelAccounts accounts;
    @Autowired
    JourneyCatalog catalog;
    @Autowired
    JourneyEntries entries;
    @Autowired
    Customers customers;
    @Autowired
    CustomerProfiles profiles;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    private UUID launch(TestWorkspaces.Tenant tenant, Trigger trigger, Step... steps) {
        var actor = Actor.system(tenant.workspace().id(), "test");
        var id = catalog.create(actor, "Шаги", new JourneyDefinition(trigger, List.of(steps), null, EntryRule.everyTime(),
                MessageCategory.SERVICE, 3, Duration.ofDays(1), Duration.ZERO), null).id();
        catalog.launch(actor, id, false, List.of());
        return id;
    }

    private static Step.Send sms(String text) {
        return new Step.Send("sms", "SMS", List.of(Channel.SMS), Map.of(Channel.SMS, new Message(null, text)), false, null, null);
    }

    @Test
    void theWebhookStepPostsTheRunsFactsWithAnIdempotencyKeyAndTheProfileIsMarked() {
        shop.stubFor(post(urlEqualTo("/crm/journey")).willReturn(aResponse().withStatus(202)));
        var tenant = workspaces.create("Вебхук");
        var workspace = tenant.workspace().id();
        accounts.add(workspace, Channel.SMS, "sandbox", "Песочница", Map.of(), 10);
        var journey = launch(tenant, new Trigger.ApiCall(),
                new Step.CallWebhook("crm", "В CRM", URI.create(shop.baseUrl() + "/crm/journey"), null),
                new Step.SetAttribute("mark", "Пометить", "last_journey", "Шаги", null),
                sms("Спасибо!"));
        var customer = customers.resolve(workspace, List.of(Identity.phone("+79035551212")), Instant.now()).orElseThrow();
        profiles.define(workspace, new CustomerProfiles.AttributeDefinition("last_journey", CustomerProfiles.AttributeType.STRING, "Последний путь"));

        var run = entries.enterByApi(workspace, journey, customer, Map.of("key", "order-77", "orderId", "77")).orElseThrow();

        shop.verify(1, postRequestedFor(urlEqualTo("/crm/journey")).withHeader("Idempotency-Key", equalTo(run + ":crm"))
                .withRequestBody(matchingJsonPath("$.customerId", equalTo(customer.value().toString())))
                .withRequestBody(matchingJsonPath("$.facts.orderId", equalTo("77"))));
        assertThat(jdbc.sql("select detail from journey_step_execution where run_id = ? and step_id = 'crm'").param(run)
                .query(String.class).single()).isEqualTo("HTTP 202");
        assertThat(customers.get(workspace, customer).attributes()).containsEntry("last_journey", "Шаги");
        assertThat(entries.enterByApi(workspace, journey, customer, Map.of("key", "order-77"))).as("the same key is one entry").isEmpty();
    }

    @Test
    void anAttributeTheProfileDoesNotHaveIsReportedAndTheJourneyGoesOn() {
        var tenant = workspaces.create("Без атрибута");
        var workspace = tenant.workspace().id();
        accounts.add(workspace, Channel.SMS, "sandbox", "Песочница", Map.of(), 10);
        var journey = launch(tenant, new Trigger.ApiCall(), new Step.SetAttribute("mark", "Пометить", "vip_level", "3", null), sms("Дальше"));
        var customer = customers.resolve(workspace, List.of(Identity.phone("+79035551414")), Instant.now()).orElseThrow();

        var run = entries.enterByApi(workspace, journey, customer, Map.of()).orElseThrow();

        assertThat(jdbc.sql("select detail from journey_step_execution where run_id = ? and step_id = 'mark'").param(run)
                .query(String.class).single()).contains("не заведён");
        assertThat(jdbc.sql("select count(*) from outbound_message where workspace_id = ?").param(workspace.value())
                .query(Long.class).single()).isOne();
    }

    @Test
    void enteringASegmentEntersTheSegmentsJourney() {
        var tenant = workspaces.create("Сегмент");
        var workspace = tenant.workspace().id();
        accounts.add(workspace, Channel.SMS, "sandbox", "Песочница", Map.of(), 10);
        var segment = UUID.randomUUID();
        var journey = launch(tenant, new Trigger.SegmentEntered(segment), sms("Вы с нами уже год!"));
        var customer = customers.resolve(workspace, List.of(Identity.phone("+79035551313")), Instant.now()).orElseThrow();

        transactions.executeWithoutResult(status -> events.publishEvent(new SegmentEntered(workspace, new SegmentId(segment), customer)));
        transactions.executeWithoutResult(status -> events.publishEvent(new SegmentEntered(workspace, new SegmentId(UUID.randomUUID()), customer)));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from outbound_message where workspace_id = ? and body = 'Вы с нами уже год!'")
                .param(workspace.value()).query(Long.class).single() == 1);
        assertThat(jdbc.sql("select count(*) from journey_run where journey_id = ?").param(journey).query(Long.class).single()).isOne();
    }
}
