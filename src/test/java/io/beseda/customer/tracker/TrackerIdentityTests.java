package io.beseda.customer.tracker;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.beseda.customer.CustomerHistory;
import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.customer.IdentityKind;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;
import io.beseda.testing.TestWorkspaces.Tenant;

import static io.beseda.customer.tracker.TrackerClient.batch;
import static io.beseda.customer.tracker.TrackerClient.event;
import static org.assertj.core.api.Assertions.assertThat;

/** What an anonymous page may claim about who its visitor is (docs/decisions/0007-tracker-identities.md). */
@BesedaTest
class TrackerIdentityTests {

    private static final String PHONE = "+7 916 700-11-22";

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
    private Tenant tenant;
    private CustomerId owner;

    @BeforeEach
    void aCustomerWhosePhoneTheShopKnows() {
        tracker = new TrackerClient(port);
        tenant = workspaces.create("Чужой телефон");
        owner = customers.resolve(tenant.workspace().id(), List.of(Identity.phone(PHONE)), Instant.now()).orElseThrow();
    }

    @Test
    void anUnsignedPhoneThatBelongsToAnotherProfileDoesNotMergeIntoIt() {
        var visitor = UUID.randomUUID().toString();

        var response = tracker.post(token(), batch(identified(visitor, "8 (916) 700-11-22")));

        assertThat(response.body()).contains("\"accepted\":1", "\"droppedIdentities\":1", "\"identity\":\"NONE\"");
        var visitorProfile = visitorProfile(visitor);
        assertThat(visitorProfile).isNotEqualTo(owner);
        assertThat(customers.identities(ws(), owner)).extracting(Identity::toString).containsExactly("PHONE:+79167001122");
        assertThat(customers.identities(ws(), visitorProfile)).extracting(Identity::kind).containsExactly(IdentityKind.VISITOR);
        assertThat(customers.merges(ws(), owner)).isEmpty();
        assertThat(history.timeline(ws(), owner, null, 10)).as("the stranger's profile got none of the page's events").isEmpty();
    }

    @Test
    void aPhoneTheShopSignedLinksTheVisitorToItsProfile() {
        var secret = trackers.rotateSecret(ws());
        var visitor = UUID.randomUUID().toString();
        var signature = IdentitySignature.sign(secret, Map.of("phone", "8 (916) 700-11-22"));

        var response = tracker.post(token(), signed(identified(visitor, "8 (916) 700-11-22"), "8 (916) 700-11-22", signature));

        assertThat(response.body()).contains("\"accepted\":1", "\"droppedIdentities\":0", "\"identity\":\"VALID\"");
        assertThat(visitorProfile(visitor)).isEqualTo(owner);
        assertThat(history.timeline(ws(), owner, null, 10)).extracting(CustomerHistory.TimelineEntry::type).containsExactly("identified");
    }

    @Test
    void aWrongSignatureCountsAsNone() {
        var secret = trackers.rotateSecret(ws());
        var visitor = UUID.randomUUID().toString();
        var forAnotherPhone = IdentitySignature.sign(secret, Map.of("phone", "+79160000000"));

        var response = tracker.post(token(), signed(identified(visitor, PHONE), PHONE, forAnotherPhone));

        assertThat(response.body()).contains("\"identity\":\"INVALID\"", "\"droppedIdentities\":1");
        assertThat(visitorProfile(visitor)).isNotEqualTo(owner);
    }

    @Test
    void aSignatureMadeWithAReplacedSecretNoLongerWorks() {
        var old = trackers.rotateSecret(ws());
        trackers.rotateSecret(ws());
        var visitor = UUID.randomUUID().toString();

        var response = tracker.post(token(), signed(identified(visitor, PHONE), PHONE, IdentitySignature.sign(old, Map.of("phone", PHONE))));

        assertThat(response.body()).contains("\"identity\":\"INVALID\"");
        assertThat(visitorProfile(visitor)).isNotEqualTo(owner);
    }

    @Test
    void aPhoneNobodyHasYetIsTakenUnsigned() {
        var visitor = UUID.randomUUID().toString();

        tracker.post(token(), batch(identified(visitor, "+7 926 700-99-88")));

        assertThat(customers.identities(ws(), visitorProfile(visitor))).extracting(Identity::toString)
                .containsExactlyInAnyOrder("VISITOR:" + visitor, "PHONE:+79267009988");
    }

    @Test
    void messengerIdsAreNeverTakenFromAPage() {
        var visitor = UUID.randomUUID().toString();

        var response = tracker.post(token(), batch(event("search", Map.of("visitorId", visitor, "telegramId", "123456"), "{\"query\": \"x\"}")));

        assertThat(response.body()).contains("\"droppedIdentities\":1");
        assertThat(customers.findBy(ws(), Identity.of(IdentityKind.TELEGRAM, "123456"))).isEmpty();
    }

    @Test
    void aPageCannotTakeAnotherCustomersOrder() {
        var api = Http.api(port).call("POST", "/api/v1/events", tenant.apiKey(), batch(event("order_placed",
                Map.of("phone", PHONE), "{\"orderId\": \"1001\", \"total\": 4590}")));
        assertThat(api.statusCode()).isEqualTo(200);
        var visitor = UUID.randomUUID().toString();

        var response = tracker.post(token(), batch(event("order_status_changed", Map.of("visitorId", visitor),
                "{\"orderId\": \"1001\", \"status\": \"cancelled\"}")));

        assertThat(response.body()).contains("\"accepted\":0", "properties.orderId");
        assertThat(history.orders(ws(), owner)).singleElement().satisfies(o -> assertThat(o.status()).isEqualTo("new"));
    }

    private String identified(String visitor, String phone) {
        return event("identified", Map.of("visitorId", visitor, "phone", phone), "{\"fields\": [\"phone\"]}");
    }

    /** A batch whose identity block vouches for {@code phone} with {@code signature}. */
    private static String signed(String event, String phone, String signature) {
        return "{\"identity\": {\"phone\": \"" + phone + "\", \"signature\": \"" + signature + "\"}, \"events\": [" + event + "]}";
    }

    private CustomerId visitorProfile(String visitor) {
        return customers.findBy(ws(), Identity.of(IdentityKind.VISITOR, visitor)).orElseThrow();
    }

    private String token() {
        return trackers.of(ws()).token();
    }

    private io.beseda.workspace.WorkspaceId ws() {
        return tenant.workspace().id();
    }
}
