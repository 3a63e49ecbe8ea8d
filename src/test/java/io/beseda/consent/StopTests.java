package io.beseda.consent;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.WorkspaceId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer answers an SMS campaign with a STOP word, in whatever form they type it; marketing by SMS
 * ends at once, and anyone asking why the next campaign did not reach them sees the reason.
 */
@BesedaTest
class StopTests {

    /** Noon in Yekaterinburg, the test workspaces' zone: outside quiet hours. */
    private static final Instant NOON = Instant.parse("2026-03-10T07:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Customers customers;

    @Autowired
    Consents consents;

    @Autowired
    SendPolicy policy;

    @Autowired
    ConsentFixtures fixtures;

    @Autowired
    CustomerConsentPanels panels;

    @Autowired
    SpringTemplateEngine templates;

    @ParameterizedTest(name = "«{0}»")
    @ValueSource(strings = {"СТОП", "стоп", "Stop!", "STOP", "ОТПИСАТЬСЯ", "отписаться.", "Отписка", "«стоп»"})
    void stopWordWithdrawsMarketingAndTheNextCampaignIsDeniedWithTheReasonShown(String reply) {
        var tenant = workspaces.create("СТОП");
        var shop = tenant.workspace().id();
        var customer = customers.resolve(shop, List.of(Identity.phone("+7 912 300-40-50")), NOON).orElseThrow();
        fixtures.grantMarketing(shop, customer, Channel.SMS);
        fixtures.grantMarketing(shop, customer, Channel.EMAIL);
        assertThat(decide(shop, customer, Channel.SMS).allowed()).as("before the reply").isTrue();

        inboundSms(shop, customer, reply);

        assertThat(consents.status(shop, customer, ConsentPurpose.MARKETING, Channel.SMS)).isEqualTo(ConsentStatus.WITHDRAWN);
        assertThat(consents.history(shop, customer).getFirst()).satisfies(record -> {
            assertThat(record.source()).isEqualTo(ConsentSource.STOP);
            assertThat(record.address()).isEqualTo("+79123004050");
        });
        var next = decide(shop, customer, Channel.SMS);
        assertThat(next.outcome()).isEqualTo(SendDecision.Outcome.DENY);
        assertThat(next.reason()).isEqualTo(DecisionReason.MARKETING_CONSENT_WITHDRAWN);
        assertThat(decide(shop, customer, Channel.EMAIL).allowed()).as("other channels keep their consent").isTrue();

        var api = Http.api(port).call("GET", "/api/v1/customers/" + customer + "/send-decisions", tenant.apiKey(), null);
        assertThat(api.body()).contains("\"reason\":\"MARKETING_CONSENT_WITHDRAWN\"", "withdrew marketing consent for SMS");
        assertThat(profileFragment(shop, customer))
                .contains("Покупатель отозвал согласие на рекламу в этом канале")
                .contains("Ответ «СТОП»");
    }

    @ParameterizedTest(name = "«{0}»")
    @ValueSource(strings = {"Когда привезут заказ?", "не надо стоп", "стоп-кран"})
    void ordinaryRepliesLeaveConsentAlone(String reply) {
        var shop = workspaces.create("Не СТОП").workspace().id();
        var customer = fixtures.customer(shop);
        fixtures.grantMarketing(shop, customer, Channel.SMS);

        inboundSms(shop, customer, reply);

        assertThat(consents.status(shop, customer, ConsentPurpose.MARKETING, Channel.SMS)).isEqualTo(ConsentStatus.GRANTED);
    }

    /** What the channel module does with an inbound SMS: a STOP word refuses marketing in that channel. */
    private void inboundSms(WorkspaceId shop, CustomerId customer, String text) {
        policy.recordInbound(shop, customer, Channel.SMS, NOON.minusSeconds(60));
        if (StopWords.isStop(text)) {
            var phone = customers.get(shop, customer).phone();
            consents.stop(shop, customer, Channel.SMS, phone, ConsentSource.STOP);
        }
    }

    private SendDecision decide(WorkspaceId shop, CustomerId customer, Channel channel) {
        return policy.decide(shop, new SendRequest(customer, channel, MessageCategory.MARKETING, NOON, false, null, "campaign-1"),
                "campaign");
    }

    private String profileFragment(WorkspaceId shop, CustomerId customer) {
        var context = new Context(Locale.forLanguageTag("ru"));
        context.setVariable("panel", panels.of(shop, customer));
        return templates.process("consent/customer-consents", Set.of("consents"), context);
    }
}
