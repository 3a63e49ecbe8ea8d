package io.beseda.consent;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.beseda.shared.RuleViolationException;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.Actor;
import io.beseda.workspace.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@BesedaTest
class ConsentLedgerTests {

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Consents consents;

    @Autowired
    ConsentFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void grantKeepsTheExactTextAndTheLatestRecordIsTheCurrentState() {
        var shop = workspaces.create("Леджер").workspace().id();
        var customer = fixtures.customer(shop);
        var text = fixtures.marketingText(shop);

        var grant = fixtures.grantMarketing(shop, customer, Channel.SMS);
        var operator = new Actor(shop, Actor.Kind.USER, UUID.randomUUID(), "Оператор Ирина", Role.OPERATOR);
        consents.record(operator, customer, ConsentChange.withdrawal(ConsentPurpose.MARKETING, Channel.SMS, null, ConsentSource.OPERATOR));

        assertThat(grant.textVersion()).isEqualTo("2026-01");
        assertThat(grant.textSha256()).isEqualTo(text.sha256()).hasSize(64);
        assertThat(grant.ip()).isEqualTo("203.0.113.7");
        assertThat(grant.proof()).containsEntry("checkbox", "marketing");
        assertThat(consents.history(shop, customer)).extracting(ConsentRecord::granted, ConsentRecord::recordedBy)
                .containsExactly(tuple(false, "Оператор Ирина"),
                        tuple(true, "test"));
        assertThat(consents.status(shop, customer, ConsentPurpose.MARKETING, Channel.SMS)).isEqualTo(ConsentStatus.WITHDRAWN);
        assertThat(consents.current(shop, customer)).singleElement()
                .satisfies(state -> assertThat(state.status()).isEqualTo(ConsentStatus.WITHDRAWN));
    }

    @Test
    void refusalOfEveryChannelOverridesOlderGrantsOfSingleChannels() {
        var shop = workspaces.create("Отказ от всего").workspace().id();
        var customer = fixtures.customer(shop);
        fixtures.grantMarketing(shop, customer, Channel.SMS);
        fixtures.grantMarketing(shop, customer, Channel.EMAIL);

        consents.record(Actor.system(shop, "test"), customer, ConsentChange.withdrawal(ConsentPurpose.MARKETING, null, null, ConsentSource.OPERATOR));
        fixtures.grantMarketing(shop, customer, Channel.EMAIL);

        assertThat(consents.status(shop, customer, ConsentPurpose.MARKETING, Channel.SMS)).isEqualTo(ConsentStatus.WITHDRAWN);
        assertThat(consents.status(shop, customer, ConsentPurpose.MARKETING, Channel.EMAIL)).isEqualTo(ConsentStatus.GRANTED);
        assertThat(consents.current(shop, customer)).extracting(ConsentState::channel, ConsentState::status).containsExactly(
                tuple(null, ConsentStatus.WITHDRAWN),
                tuple(Channel.SMS, ConsentStatus.WITHDRAWN),
                tuple(Channel.EMAIL, ConsentStatus.GRANTED));
    }

    @Test
    void grantWithoutARegisteredTextOrChannelIsRefused() {
        var shop = workspaces.create("Без текста").workspace().id();
        var customer = fixtures.customer(shop);

        var api = Actor.system(shop, "test");
        assertThatThrownBy(() -> consents.record(api, customer, new ConsentChange(ConsentPurpose.MARKETING, Channel.SMS, null,
                true, null, ConsentSource.API, null, null, Map.of())))
                .isInstanceOf(RuleViolationException.class).hasFieldOrPropertyWithValue("code", "consent.text-required");
        assertThatThrownBy(() -> consents.record(api, customer, new ConsentChange(ConsentPurpose.MARKETING, Channel.SMS, null,
                true, "v-nonexistent", ConsentSource.API, null, null, Map.of())))
                .isInstanceOf(RuleViolationException.class).hasFieldOrPropertyWithValue("code", "consent.text-unknown");
        fixtures.marketingText(shop);
        assertThatThrownBy(() -> consents.record(api, customer, new ConsentChange(ConsentPurpose.MARKETING, null, null,
                true, "2026-01", ConsentSource.API, null, null, Map.of())))
                .isInstanceOf(RuleViolationException.class).hasFieldOrPropertyWithValue("code", "consent.channel-required");
        assertThat(consents.history(shop, customer)).isEmpty();
    }

    @Test
    void ledgerRefusesUpdatesAndDeletes() {
        var shop = workspaces.create("Неизменный").workspace().id();
        var customer = fixtures.customer(shop);
        var record = fixtures.grantMarketing(shop, customer, Channel.EMAIL);

        assertThatThrownBy(() -> jdbc.sql("update consent_record set granted = false where id = ?").param(record.id()).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("update consent_record set address = 'x@example.ru' where id = ?").param(record.id()).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from consent_record where id = ?").param(record.id()).update())
                .hasMessageContaining("append-only");
        assertThat(consents.history(shop, customer)).singleElement()
                .satisfies(r -> assertThat(r.granted()).isTrue());
    }

    @Test
    void everyChangeIsAudited() {
        var shop = workspaces.create("Аудит").workspace().id();
        var customer = fixtures.customer(shop);

        fixtures.grantMarketing(shop, customer, Channel.VK);
        consents.stop(shop, customer, Channel.VK, null, ConsentSource.STOP);

        var actions = jdbc.sql("select actor || ' ' || action || ' ' || subject from audit_log where workspace_id = ? order by id")
                .param(shop.value()).query(String.class).list();
        assertThat(actions).containsExactly(
                "SYSTEM:test consent-text.registered " + fixtures.marketingText(shop).id(),
                "SYSTEM:test consent.granted " + customer,
                "SYSTEM:customer via STOP consent.withdrawn " + customer);
    }
}
