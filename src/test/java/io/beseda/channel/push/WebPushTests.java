package io.beseda.channel.push;

import java.net.URI;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.MessageId;
import io.beseda.channel.MessageStatus;
import io.beseda.channel.OutboundMessage;
import io.beseda.channel.Outbox;
import io.beseda.channel.dispatch.Dispatcher;
import io.beseda.consent.Channel;
import io.beseda.consent.MessageCategory;
import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.WorkspaceId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Web push end to end: a browser (keys made here as a browser makes them) subscribes through the tracker's
 * endpoint, a message goes to its push service (a WireMock stand-in), the test decrypts what arrived with the
 * browser's keys, and the notification's links count the display and the click as the message's receipts.
 */
@BesedaTest
@TestPropertySource(properties = {"beseda.channel.webpush.allow-http=true", "beseda.channel.webpush.endpoint-hosts=localhost",
        "beseda.channel.fcm.base-url=${" + PushStandIn.PROPERTY + "}"})
class WebPushTests {

    @RegisterExtension
    static final PushStandIn push = new PushStandIn();

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    Outbox outbox;

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    WebPushConnectorFactory factory;

    @Autowired
    Customers customers;

    private WorkspaceId workspace;
    private ChannelAccount account;
    private String tracker;

    @BeforeEach
    void aShopWithWebPush() {
        var shop = workspaces.create("Ромашка " + UUID.randomUUID());
        workspace = shop.workspace().id();
        account = accounts.add(workspace, Channel.PUSH, WebPushConnectorFactory.PROVIDER, "Уведомления на сайте", Map.of(
                "subject", "mailto:shop@romashka.example", "title", "Ромашка", "siteUrl", "https://romashka.example"), 50);
        tracker = "trk_push_" + shop.unique();
        jdbc.sql("insert into tracker (workspace_id, token, created_at) values (?, ?, now())").params(workspace.value(), tracker).update();
    }

    @Test
    void aMessagesOwnSubjectIsTheNotificationsTitle() throws Exception {
        var browser = BrowserPushKeys.generate();
        var customer = subscribe(browser, "/push/chrome-title");
        pushServiceAnswers("/push/chrome-title", 201);

        var id = outbox.queue(workspace, new OutboundMessage(customer, Channel.PUSH, MessageCategory.SERVICE, "Ботинки ждут в корзине",
                null, "push-" + UUID.randomUUID(), false, Duration.ofHours(1), List.of(), List.of(), "Анна, вы кое-что забыли"));
        dispatcher.dispatchDue();

        assertThat(status(id)).isEqualTo(MessageStatus.SENT);
        var notification = json.readTree(browser.decrypt(onlyPushTo("/push/chrome-title").getBody()));
        assertThat(notification.path("title").asString()).isEqualTo("Анна, вы кое-что забыли");
        assertThat(notification.path("body").asString()).isEqualTo("Ботинки ждут в корзине");
    }

    @Test
    void aSubscribedBrowserGetsTheNotificationAndItsClickIsCounted() throws Exception {
        var browser = BrowserPushKeys.generate();
        var customer = subscribe(browser, "/push/chrome-1");
        pushServiceAnswers("/push/chrome-1", 201);

        var id = send(customer, "Ваш заказ 1042 собран, заберите его: https://romashka.example/orders/1042.");

        assertThat(status(id)).isEqualTo(MessageStatus.SENT);
        var request = onlyPushTo("/push/chrome-1");
        assertThat(request.getHeader("Content-Encoding")).isEqualTo("aes128gcm");
        assertThat(request.getHeader("TTL")).isEqualTo(String.valueOf(Duration.ofDays(2).toSeconds()));
        assertThat(request.getHeader("Urgency")).isEqualTo("normal");
        var notification = json.readTree(browser.decrypt(request.getBody()));
        assertThat(notification.path("title").asString()).isEqualTo("Ромашка");
        assertThat(notification.path("body").asString()).isEqualTo("Ваш заказ 1042 собран, заберите его: https://romashka.example/orders/1042.");

        var shown = Http.api(port).call("POST", path(notification.path("shown")), null, null);
        assertThat(shown.statusCode()).isEqualTo(204);
        assertThat(status(id)).isEqualTo(MessageStatus.DELIVERED);

        var click = Http.api(port).get(path(notification.path("url")));
        assertThat(click.statusCode()).isEqualTo(302);
        assertThat(click.headers().firstValue("Location")).hasValue("https://romashka.example/orders/1042");
        assertThat(status(id)).isEqualTo(MessageStatus.READ);
        Http.api(port).get(path(notification.path("url")));
        assertThat(jdbc.sql("select clicks from push_delivery where message_id = ?").param(id.value()).query(Integer.class).single())
                .as("every click is counted").isEqualTo(2);
    }

    @Test
    void signsWithTheWorkspacesVapidKeyForThePushServicesOrigin() throws Exception {
        var customer = subscribe(BrowserPushKeys.generate(), "/push/firefox-1");
        pushServiceAnswers("/push/firefox-1", 201);

        send(customer, "Скидка 10% на весеннюю коллекцию");

        var authorization = onlyPushTo("/push/firefox-1").getHeader("Authorization");
        var vapid = java.util.regex.Pattern.compile("vapid t=([^,]+), k=(\\S+)").matcher(authorization);
        assertThat(vapid.matches()).as(authorization).isTrue();
        assertThat(vapid.group(2)).as("k is the key pages subscribe with").isEqualTo(publicKey());
        var jwt = vapid.group(1).split("\\.");
        assertThat(json.readTree(BrowserPushKeys.decode(jwt[0])).path("alg").asString()).isEqualTo("ES256");
        var claims = json.readTree(BrowserPushKeys.decode(jwt[1]));
        assertThat(claims.path("aud").asString()).isEqualTo(push.baseUrl());
        assertThat(claims.path("sub").asString()).isEqualTo("mailto:shop@romashka.example");
        assertThat(claims.path("exp").asLong()).isCloseTo(Instant.now().plus(Duration.ofHours(12)).getEpochSecond(), within(120L));
        var verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(BrowserPushKeys.publicKey(BrowserPushKeys.decode(vapid.group(2))));
        verifier.update((jwt[0] + "." + jwt[1]).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(verifier.verify(BrowserPushKeys.decode(jwt[2]))).as("ES256 signature").isTrue();
        assertThat(publicKey()).as("the key is kept, not made anew").isEqualTo(vapid.group(2));
    }

    @Test
    void aSubscriptionThePushServiceNoLongerKnowsIsRemoved() throws Exception {
        var customer = subscribe(BrowserPushKeys.generate(), "/push/gone-410");
        subscribe(BrowserPushKeys.generate(), "/push/gone-404", customer);
        pushServiceAnswers("/push/gone-410", 410);
        pushServiceAnswers("/push/gone-404", 404);

        var id = send(customer, "Заказ в пути");

        assertThat(subscriptions()).as("both subscriptions are forgotten").isZero();
        var entry = outbox.find(workspace, id).orElseThrow();
        assertThat(entry.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(entry.failureDetail()).contains("unsubscribed");
    }

    @Test
    void aBusyPushServiceMakesTheMessageWaitForItsRetryAfterAndThenGo() throws Exception {
        var browser = BrowserPushKeys.generate();
        var customer = subscribe(browser, "/push/busy");
        push.server().stubFor(post(urlPathEqualTo("/push/busy")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

        var id = send(customer, "Корзина ждёт вас");

        var waiting = outbox.find(workspace, id).orElseThrow();
        assertThat(waiting.status()).isEqualTo(MessageStatus.QUEUED);
        var next = jdbc.sql("select next_attempt_at from outbound_message where id = ?").param(id.value())
                .query(java.sql.Timestamp.class).single().toInstant();
        assertThat(Duration.between(Instant.now(), next).toSeconds()).as("after the push service's Retry-After").isBetween(100L, 121L);
        assertThat(subscriptions()).as("a busy push service keeps the subscription").isEqualTo(1);

        pushServiceAnswers("/push/busy", 201);
        jdbc.sql("update outbound_message set next_attempt_at = now() where id = ?").param(id.value()).update();
        dispatcher.dispatchDue();

        assertThat(status(id)).isEqualTo(MessageStatus.SENT);
        var delivered = push.server().findAll(postRequestedFor(urlPathEqualTo("/push/busy")));
        assertThat(delivered).hasSize(2);
        assertThat(json.readTree(browser.decrypt(delivered.getLast().getBody())).path("body").asString()).isEqualTo("Корзина ждёт вас");
    }

    @Test
    void aCustomerWithoutASubscribedBrowserIsNotSentTo() {
        var customer = customers.resolve(workspace, List.of(Identity.email("no-push-" + UUID.randomUUID() + "@romashka.example")),
                Instant.now()).orElseThrow();

        var id = send(customer, "Привет");

        var entry = outbox.find(workspace, id).orElseThrow();
        assertThat(entry.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(entry.failureDetail()).contains("not subscribed");
    }

    @Test
    void refusesSubscriptionsThatAreNotAPushServicesOrNotABrowsersKeys() throws Exception {
        var keys = BrowserPushKeys.generate();

        assertThat(subscribeStatus(tracker, "https://attacker.example/collect", keys.p256dh(), keys.authSecret())).isEqualTo(400);
        assertThat(subscribeStatus(tracker, push.baseUrl() + "/push/x", "BAAA", keys.authSecret())).isEqualTo(400);
        assertThat(subscribeStatus(tracker, push.baseUrl() + "/push/x", keys.p256dh(), "c2hvcnQ")).isEqualTo(400);
        assertThat(subscribeStatus("trk_unknown", push.baseUrl() + "/push/x", keys.p256dh(), keys.authSecret())).isEqualTo(404);
        accounts.setEnabled(workspace, account.id(), false);
        assertThat(subscribeStatus(tracker, push.baseUrl() + "/push/x", keys.p256dh(), keys.authSecret()))
                .as("web push switched off").isEqualTo(404);
        assertThat(Http.api(port).get("/t/" + tracker + "/push-key").statusCode()).isEqualTo(404);
        assertThat(subscriptions()).isZero();
    }

    @Test
    void theConnectionCheckMakesTheKeysAndSaysWhatTheSiteNeeds() {
        var check = factory.test(account);
        assertThat(check.ok()).isTrue();
        assertThat(check.message()).contains(publicKey().substring(0, 12));
        assertThat(factory.registerWebhook(account, URI.create("http://unused")).message())
                .contains("importScripts(").contains("beseda.push.subscribe()");
    }

    @Test
    void unknownTrackingLinksFindNothing() {
        assertThat(Http.api(port).get("/t/push/click/not-a-token").statusCode()).isEqualTo(404);
        assertThat(Http.api(port).call("POST", "/t/push/shown/not-a-token", null, null).statusCode()).isEqualTo(404);
    }

    private String publicKey() {
        var answer = Http.api(port).get("/t/" + tracker + "/push-key");
        assertThat(answer.statusCode()).isEqualTo(200);
        return json.readTree(answer.body()).path("publicKey").asString();
    }

    private CustomerId subscribe(BrowserPushKeys browser, String endpointPath) {
        return subscribe(browser, endpointPath, null);
    }

    /** Posts what the tracker posts; with {@code sameAs} the visitor is that customer's (a second browser of theirs). */
    private CustomerId subscribe(BrowserPushKeys browser, String endpointPath, @org.jspecify.annotations.Nullable CustomerId sameAs) {
        var visitor = sameAs == null ? UUID.randomUUID().toString()
                : jdbc.sql("select value from customer_identity where workspace_id = ? and customer_id = ? and kind = 'VISITOR'")
                .params(workspace.value(), sameAs.value()).query(String.class).list().getFirst();
        var answer = Http.api(port).call("POST", "/t/" + tracker + "/push-subscriptions", null, json.writeValueAsString(Map.of(
                "visitorId", visitor, "subscription", Map.of("endpoint", push.baseUrl() + endpointPath,
                        "keys", Map.of("p256dh", browser.p256dh(), "auth", browser.authSecret())))));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return new CustomerId(UUID.fromString(json.readTree(answer.body()).path("customerId").asString()));
    }

    private int subscribeStatus(String token, String endpoint, String p256dh, String auth) {
        return Http.api(port).call("POST", "/t/" + token + "/push-subscriptions", null, json.writeValueAsString(Map.of(
                "visitorId", UUID.randomUUID().toString(), "subscription", Map.of("endpoint", endpoint,
                        "keys", Map.of("p256dh", p256dh, "auth", auth))))).statusCode();
    }

    private void pushServiceAnswers(String path, int status) {
        push.server().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(status)
                .withHeader("Location", push.baseUrl() + "/message/" + UUID.randomUUID())));
    }

    private MessageId send(CustomerId customer, String text) {
        var id = outbox.queue(workspace, new OutboundMessage(customer, Channel.PUSH, MessageCategory.SERVICE, text, null,
                "push-" + UUID.randomUUID(), false, Duration.ofHours(1)));
        dispatcher.dispatchDue();
        return id;
    }

    private MessageStatus status(MessageId id) {
        return outbox.find(workspace, id).orElseThrow().status();
    }

    private LoggedRequest onlyPushTo(String path) {
        List<LoggedRequest> requests = push.server().findAll(postRequestedFor(urlPathEqualTo(path)));
        assertThat(requests).hasSize(1);
        return requests.getFirst();
    }

    private long subscriptions() {
        return jdbc.sql("select count(*) from push_subscription where workspace_id = ?").param(workspace.value()).query(Long.class).single();
    }

    /** The link's path on this test server (links start with beseda.public-url, which is not the test's port). */
    private static String path(JsonNode link) {
        return URI.create(link.asString()).getRawPath();
    }
}
