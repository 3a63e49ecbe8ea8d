package io.beseda.consent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.customer.CustomersMerged;
import io.beseda.customer.Identity;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.Actor;
import io.beseda.workspace.WorkspaceId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A customer bought by phone, later subscribed by e-mail, then gave both at checkout: the two profiles
 * merge, and what consent kept about the second moves to the first.
 */
@BesedaTest
class ConsentMergingTests {

    private static final Instant MORNING = Instant.parse("2026-03-10T05:00:00Z");
    private static final String[] TABLES = {"consent_record", "send_decision", "marketing_send", "suppression",
            "data_request", "customer_channel_activity"};

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Customers customers;

    @Autowired
    Consents consents;

    @Autowired
    SendPolicy policy;

    @Autowired
    Suppressions suppressions;

    @Autowired
    ConsentFixtures fixtures;

    @Autowired
    ConsentMerging merging;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void mergedProfilesConsentDataMovesToTheSurvivorOnce() {
        var shop = workspaces.create("Слияние").workspace().id();
        var byPhone = customers.resolve(shop, List.of(Identity.phone("+7 903 111-22-33")), MORNING).orElseThrow();
        var byEmail = customers.resolve(shop, List.of(Identity.email("olga@example.ru")), MORNING.plusSeconds(60)).orElseThrow();
        fixtures.grantMarketing(shop, byPhone, Channel.SMS);
        fixtures.grantMarketing(shop, byEmail, Channel.EMAIL);
        policy.decide(shop, SendRequest.now(byEmail, Channel.EMAIL, MessageCategory.MARKETING), "campaign");
        policy.recordSent(shop, byEmail, Channel.EMAIL, MORNING, "campaign-1");
        policy.recordInbound(shop, byPhone, Channel.WHATSAPP, MORNING);
        policy.recordInbound(shop, byEmail, Channel.WHATSAPP, MORNING.plus(Duration.ofHours(2)));
        suppressions.add(Actor.system(shop, "test"), Channel.PUSH, null, byEmail, "Устройство удалено");
        jdbc.sql("""
                insert into data_request (id, workspace_id, customer_id, kind, status, received_at, due_at, requested_via)
                values (?, ?, ?, 'EXPORT', 'OPEN', now(), now() + interval '10 days', 'email')""")
                .params(UUID.randomUUID(), shop.value(), byEmail.value()).update();

        var survivor = customers.resolve(shop, List.of(Identity.phone("+79031112233"), Identity.email("olga@example.ru")),
                MORNING.plusSeconds(120)).orElseThrow();

        assertThat(survivor).isEqualTo(byPhone);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(rowsOf(shop, byEmail)).isZero());
        assertThat(consents.status(shop, survivor, ConsentPurpose.MARKETING, Channel.EMAIL)).isEqualTo(ConsentStatus.GRANTED);
        assertThat(consents.status(shop, survivor, ConsentPurpose.MARKETING, Channel.SMS)).isEqualTo(ConsentStatus.GRANTED);
        assertThat(policy.decisions(shop, survivor, 10)).hasSize(1);
        assertThat(jdbc.sql("select last_inbound_at from customer_channel_activity where workspace_id = ? and customer_id = ?")
                .params(shop.value(), survivor.value()).query(Instant.class).single())
                .as("the later of the two").isEqualTo(MORNING.plus(Duration.ofHours(2)));
        var before = rowsOf(shop, survivor);

        var again = new CustomersMerged(shop, survivor, byEmail, "replayed after a restart");
        ConsentMerging target = AopTestUtils.getTargetObject(merging);
        transactions.executeWithoutResult(status -> target.on(again));

        assertThat(rowsOf(shop, survivor)).isEqualTo(before);
        assertThat(consents.history(shop, survivor)).hasSize(2);
    }

    private int rowsOf(WorkspaceId shop, CustomerId customer) {
        var rows = 0;
        for (var table : TABLES) {
            rows += jdbc.sql("select count(*) from " + table + " where workspace_id = ? and customer_id = ?")
                    .params(shop.value(), customer.value()).query(Integer.class).single();
        }
        return rows;
    }
}
