package io.beseda.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.beseda.consent.Channel;
import io.beseda.consent.MessageCategory;
import io.beseda.customer.CustomerErasure;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.customer.IdentityKind;
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

/** Runs stay with the person: erased customers leave their journeys, merged profiles carry on as one. */
@BesedaTest
class JourneyCustomersTests {

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    JourneyCatalog catalog;
    @Autowired
    JourneyEntries entries;
    @Autowired
    Customers customers;
    @Autowired
    CustomerErasure erasure;
    @Autowired
    JdbcClient jdbc;

    private UUID journey(TestWorkspaces.Tenant tenant) {
        var actor = Actor.system(tenant.workspace().id(), "test");
        var id = catalog.create(actor, "Через день", new JourneyDefinition(new Trigger.ApiCall(), List.of(
                new Step.Delay("day", "Сутки", Duration.ofDays(1), null),
                new Step.Send("say", "SMS", List.of(Channel.SMS), Map.of(Channel.SMS, new Message(null, "Привет")), false, null, null)),
                null, EntryRule.everyTime(), MessageCategory.SERVICE, 3, Duration.ofDays(1), Duration.ZERO), null).id();
        catalog.launch(actor, id, false, List.of());
        return id;
    }

    @Test
    void anErasedCustomerLeavesEveryJourneyAtOnce() {
        var tenant = workspaces.create("Удаление");
        var journey = journey(tenant);
        var customer = customers.resolve(tenant.workspace().id(), List.of(Identity.phone("+79035550101")), Instant.now()).orElseThrow();
        entries.enterByApi(tenant.workspace().id(), journey, customer, Map.of("key", "a", "note", "личное"));

        erasure.erase(tenant.workspace().id(), customer);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select status || ':' || coalesce(state->'facts'->>'note', '') from journey_run where journey_id = ?")
                .param(journey).query(String.class).single().equals("EXITED:"));
    }

    @Test
    void aMergedProfilesRunContinuesAsTheSurvivors() {
        var tenant = workspaces.create("Слияние");
        var journey = journey(tenant);
        var workspace = tenant.workspace().id();
        var byPhone = customers.resolve(workspace, List.of(Identity.phone("+79035550202")), Instant.now()).orElseThrow();
        var byEmail = customers.resolve(workspace, List.of(Identity.of(IdentityKind.EMAIL, "merge@example.ru")), Instant.now()).orElseThrow();
        entries.enterByApi(workspace, journey, byEmail, Map.of("key", "e"));
        entries.enterByApi(workspace, journey, byPhone, Map.of("key", "p"));

        var one = customers.resolve(workspace, List.of(Identity.phone("+79035550202"), Identity.of(IdentityKind.EMAIL, "merge@example.ru")),
                Instant.now()).orElseThrow();

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select distinct customer_id from journey_run where journey_id = ?").param(journey).query(UUID.class).list().equals(List.of(one.value())));
        assertThat(List.of(byPhone, byEmail)).as("one of the two profiles survived").contains(one);
        assertThat(jdbc.sql("select status from journey_run where journey_id = ?").param(journey).query(String.class).list())
                .containsExactly("ACTIVE", "ACTIVE");
    }
}
