package io.beseda.consent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.shared.NotFoundException;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.WorkspaceId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@BesedaTest
class ChannelActivityTests {

    private static final Instant NOON = Instant.parse("2026-05-04T09:00:00Z");

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Customers customers;

    @Autowired
    SendPolicy policy;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aBurstOfMessagesKeepsItsFirstMomentAndLaterNewsMovesTheWindowOn() {
        var shop = workspaces.create("Окно WhatsApp").workspace().id();
        var customer = customers.resolve(shop, List.of(Identity.phone("+7 905 " + (1_000_000 + new java.util.Random().nextInt(8_999_999)))),
                NOON).orElseThrow();

        policy.recordInbound(shop, customer, Channel.WHATSAPP, NOON);
        policy.recordInbound(shop, customer, Channel.WHATSAPP, NOON.plusSeconds(30));
        assertThat(lastInbound(shop, customer)).as("within a minute: the window closes at most a minute early").isEqualTo(NOON);

        policy.recordInbound(shop, customer, Channel.WHATSAPP, NOON.plus(Duration.ofMinutes(10)));
        assertThat(lastInbound(shop, customer)).isEqualTo(NOON.plus(Duration.ofMinutes(10)));

        policy.recordInbound(shop, customer, Channel.WHATSAPP, NOON.minus(Duration.ofHours(1)));
        assertThat(lastInbound(shop, customer)).as("older news is ignored").isEqualTo(NOON.plus(Duration.ofMinutes(10)));
    }

    @Test
    void aCustomerThatDoesNotExistIsNotFound() {
        var shop = workspaces.create("Нет такого").workspace().id();
        assertThatThrownBy(() -> policy.recordInbound(shop, new CustomerId(UUID.randomUUID()), Channel.WHATSAPP, NOON))
                .isInstanceOf(NotFoundException.class);
    }

    private Instant lastInbound(WorkspaceId shop, CustomerId customer) {
        return jdbc.sql("select last_inbound_at from customer_channel_activity where workspace_id = ? and customer_id = ? and channel = 'WHATSAPP'")
                .params(shop.value(), customer.value()).query(Instant.class).single();
    }
}
