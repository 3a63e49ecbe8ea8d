package io.beseda.consent.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.beseda.consent.Channel;
import io.beseda.consent.ConsentPurpose;
import io.beseda.consent.ConsentStatus;
import io.beseda.consent.Consents;
import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;

import static org.assertj.core.api.Assertions.assertThat;

@BesedaTest
class DemoConsentsTests {

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Customers customers;

    @Autowired
    Consents consents;

    @Autowired
    DemoConsents demo;

    @Test
    void someDemoCustomersAgreedToMarketingAndOthersDidNot() {
        var workspace = workspaces.create("Демо согласия").workspace().id();
        var people = new ArrayList<CustomerId>();
        for (int i = 0; i < 30; i++) {
            people.add(customers.resolve(workspace, List.of(Identity.phone("+7916" + (1_000_000 + i * 7919)),
                    Identity.email("demo" + i + "@mail.example")), Instant.now()).orElseThrow());
        }

        demo.fill(workspace);

        var sms = people.stream().map(c -> consents.status(workspace, c, ConsentPurpose.MARKETING, Channel.SMS)).toList();
        assertThat(sms).contains(ConsentStatus.GRANTED);
        assertThat(sms).anyMatch(status -> status != ConsentStatus.GRANTED);
        assertThat(consents.texts(workspace)).singleElement().satisfies(text -> assertThat(text.version()).isEqualTo("2026-01"));
    }
}
