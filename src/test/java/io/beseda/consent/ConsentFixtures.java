package io.beseda.consent;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.workspace.Actor;
import io.beseda.workspace.WorkspaceId;

/** Customers and consents for consent tests, made through the modules' own APIs. */
@Component
class ConsentFixtures {

    static final String MARKETING_TEXT = "Согласен получать рекламные сообщения магазина по SMS, e-mail и в мессенджерах.";

    private final Customers customers;
    private final Consents consents;

    ConsentFixtures(Customers customers, Consents consents) {
        this.customers = customers;
        this.consents = consents;
    }

    /** A customer known by a fresh phone number. */
    CustomerId customer(WorkspaceId workspace) {
        var phone = "+7916" + String.format("%07d", Math.floorMod(UUID.randomUUID().hashCode(), 10_000_000));
        return customers.resolve(workspace, List.of(Identity.phone(phone)), Instant.now()).orElseThrow();
    }

    ConsentText marketingText(WorkspaceId workspace) {
        return consents.texts(workspace).stream()
                .filter(t -> t.purpose() == ConsentPurpose.MARKETING && t.version().equals("2026-01"))
                .findFirst()
                .orElseGet(() -> consents.registerText(Actor.system(workspace, "test"), ConsentPurpose.MARKETING, "2026-01", MARKETING_TEXT));
    }

    ConsentRecord grantMarketing(WorkspaceId workspace, CustomerId customer, Channel channel) {
        marketingText(workspace);
        return consents.record(Actor.system(workspace, "test"), customer, new ConsentChange(ConsentPurpose.MARKETING, channel,
                null, true, "2026-01", ConsentSource.CHECKOUT, "203.0.113.7", "Firefox", Map.of("checkbox", "marketing")));
    }
}
