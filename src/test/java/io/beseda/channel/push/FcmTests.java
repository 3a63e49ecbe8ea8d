package io.beseda.channel.push;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
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
import io.beseda.testing.TestWorkspaces.Tenant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mobile push through FCM HTTP v1 against a stand-in for Google's token endpoint and FCM, answering as their
 * documentation shows: the shop registers a device token through the API, Beseda signs its OAuth assertion with
 * the service account key, sends, forgets tokens FCM calls UNREGISTERED and waits out a 429.
 */
@BesedaTest
@TestPropertySource(properties = {"beseda.channel.webpush.allow-http=true", "beseda.channel.webpush.endpoint-hosts=localhost",
        "beseda.channel.fcm.base-url=${" + PushStandIn.PROPERTY + "}"})
class FcmTests {

    static final String PROJECT = "romashka-app";
    static final String SEND = "/v1/projects/" + PROJECT + "/messages:send";
    static final KeyPair KEY = rsa();

    @RegisterExtension
    static final PushStandIn fcm = new PushStandIn();

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
    Customers customers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    FcmConnectorFactory factory;

    private Tenant shop;
    private ChannelAccount account;
    private CustomerId customer;
    private String clientEmail;

    @BeforeEach
    void aShopWithItsApp() {
        shop = workspaces.create("Ромашка FCM " + UUID.randomUUID());
        clientEmail = "beseda-" + shop.unique() + "@" + PROJECT + ".iam.gserviceaccount.com";
        account = accounts.add(shop.workspace().id(), Channel.PUSH, FcmConnectorFactory.PROVIDER, "Приложение", Map.of(
                "projectId", PROJECT, "serviceAccountJson", serviceAccount(clientEmail), "title", "Ромашка"), 100);
        customer = customers.resolve(shop.workspace().id(), List.of(Identity.phone("+7 916 555-" + (1000 + (int) (Math.random() * 8999)))),
                Instant.now()).orElseThrow();
        fcm.server().stubFor(post(urlPathEqualTo("/token")).willReturn(okJson("""
                {"access_token": "ya29.c.b0AXv0zTNd-%s", "expires_in": 3599, "token_type": "Bearer"}""".formatted(shop.unique()))));
    }

    @Test
    void sendsToTheRegisteredDeviceWithAnAccessTokenFromTheSignedAssertion() throws Exception {
        var device = register("fcm-token-" + shop.unique());
        fcmAnswers(200, "{\"name\": \"projects/" + PROJECT + "/messages/0:1500415314455276%31bd1c9631bd1c96\"}");

        var id = send("Ваш заказ 1042 передан курьеру: https://romashka.example/orders/1042");

        assertThat(status(id)).isEqualTo(MessageStatus.SENT);
        var token = onlyRequest("/token");
        var form = form(token.getBodyAsString());
        assertThat(form.get("grant_type")).isEqualTo("urn:ietf:params:oauth:grant-type:jwt-bearer");
        var jwt = form.get("assertion").split("\\.");
        var claims = json.readTree(Base64.getUrlDecoder().decode(jwt[1]));
        assertThat(claims.path("iss").asString()).isEqualTo(clientEmail);
        assertThat(claims.path("aud").asString()).isEqualTo(fcm.baseUrl() + "/token");
        assertThat(claims.path("scope").asString()).isEqualTo("https://www.googleapis.com/auth/firebase.messaging");
        var verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(KEY.getPublic());
        verifier.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(jwt[2]))).as("RS256 with the service account's key").isTrue();

        var sent = onlyRequest(SEND);
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer ya29.c.b0AXv0zTNd-" + shop.unique());
        var message = json.readTree(sent.getBodyAsString()).path("message");
        assertThat(message.path("token").asString()).isEqualTo(device);
        assertThat(message.path("notification").path("title").asString()).isEqualTo("Ромашка");
        assertThat(message.path("notification").path("body").asString()).startsWith("Ваш заказ 1042 передан курьеру");
        assertThat(message.path("android").path("ttl").asString()).isEqualTo(Duration.ofDays(2).toSeconds() + "s");

        var click = Http.api(port).get(path(message.path("data").path("beseda_click_url")));
        assertThat(click.statusCode()).isEqualTo(302);
        assertThat(click.headers().firstValue("Location")).hasValue("https://romashka.example/orders/1042");
        assertThat(status(id)).as("the tapped notification").isEqualTo(MessageStatus.READ);
    }

    @Test
    void aMessagesOwnSubjectIsTheNotificationsTitle() {
        var device = register("fcm-token-" + shop.unique());
        fcmAnswers(200, "{\"name\": \"projects/" + PROJECT + "/messages/0:1500415314455277\"}");

        var id = outbox.queue(shop.workspace().id(), new OutboundMessage(customer, Channel.PUSH, MessageCategory.SERVICE,
                "Ботинки ждут в корзине", null, "fcm-" + UUID.randomUUID(), false, Duration.ofHours(1), List.of(), List.of(),
                "Анна, вы кое-что забыли"));
        dispatcher.dispatchDue();

        assertThat(status(id)).isEqualTo(MessageStatus.SENT);
        var message = json.readTree(onlyRequest(SEND).getBodyAsString()).path("message");
        assertThat(message.path("token").asString()).isEqualTo(device);
        assertThat(message.path("notification").path("title").asString()).isEqualTo("Анна, вы кое-что забыли");
        assertThat(message.path("notification").path("body").asString()).isEqualTo("Ботинки ждут в корзине");
    }

    @Test
    void keepsTheAccessTokenForTheNextMessage() {
        register("fcm-token-" + shop.unique());
        fcmAnswers(200, "{\"name\": \"projects/" + PROJECT + "/messages/1\"}");

        send("Первое");
        send("Второе");

        assertThat(fcm.server().findAll(postRequestedFor(urlPathEqualTo(SEND)))).hasSize(2);
        assertThat(fcm.server().findAll(postRequestedFor(urlPathEqualTo("/token")))).hasSize(1);
    }

    @Test
    void aTokenFcmCallsUnregisteredIsForgotten() {
        register("fcm-token-gone-" + shop.unique());
        fcmAnswers(404, """
                {"error": {"code": 404, "message": "Requested entity was not found.", "status": "NOT_FOUND",
                  "details": [{"@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", "errorCode": "UNREGISTERED"}]}}""");

        var id = send("Заказ готов");

        var entry = outbox.find(shop.workspace().id(), id).orElseThrow();
        assertThat(entry.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(entry.failureDetail()).contains("UNREGISTERED");
        var listed = Http.api(port).call("GET", "/api/v1/customers/" + customer + "/push-tokens", shop.apiKey(), null);
        assertThat(json.readTree(listed.body())).as("the device is gone").isEmpty();
    }

    @Test
    void aQuotaAnswerMakesTheMessageWaitAndItIsNotLost() {
        register("fcm-token-busy-" + shop.unique());
        fcmAnswers(429, """
                {"error": {"code": 429, "message": "Quota exceeded.", "status": "RESOURCE_EXHAUSTED",
                  "details": [{"@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", "errorCode": "QUOTA_EXCEEDED"}]}}""",
                "30");

        var id = send("Скидка 15% до воскресенья");

        assertThat(status(id)).isEqualTo(MessageStatus.QUEUED);
        var next = jdbc.sql("select next_attempt_at from outbound_message where id = ?").param(id.value())
                .query(java.sql.Timestamp.class).single().toInstant();
        assertThat(Duration.between(Instant.now(), next).toSeconds()).as("FCM's Retry-After").isBetween(20L, 31L);

        fcmAnswers(200, "{\"name\": \"projects/" + PROJECT + "/messages/2\"}");
        jdbc.sql("update outbound_message set next_attempt_at = now() where id = ?").param(id.value()).update();
        dispatcher.dispatchDue();

        assertThat(status(id)).isEqualTo(MessageStatus.SENT);
        assertThat(fcm.server().findAll(postRequestedFor(urlPathEqualTo(SEND)))).hasSize(2);
    }

    @Test
    void aKeyGoogleRefusesFailsTheMessageAndTheCheckSaysWhy() {
        register("fcm-token-" + shop.unique());
        fcm.server().stubFor(post(urlPathEqualTo("/token")).atPriority(1).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": \"invalid_grant\", \"error_description\": \"Invalid JWT Signature.\"}")));

        var id = send("Привет");

        var entry = outbox.find(shop.workspace().id(), id).orElseThrow();
        assertThat(entry.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(entry.failureDetail()).contains("invalid_grant");
        assertThat(fcm.server().findAll(postRequestedFor(urlPathEqualTo(SEND)))).isEmpty();
        var check = factory.test(account);
        assertThat(check.ok()).isFalse();
        assertThat(check.message()).contains("Invalid JWT Signature");
    }

    @Test
    void theConnectionCheckTakesATokenWithTheKey() {
        var check = factory.test(account);

        assertThat(check.ok()).as(check.message()).isTrue();
        assertThat(check.message()).contains(clientEmail).contains(PROJECT);
        assertThat(factory.registerWebhook(account, URI.create("http://unused")).message()).contains("push-tokens");
    }

    @Test
    void theApiRefusesBadTokensAndOtherWorkspacesCustomers() {
        var api = Http.api(port);
        var path = "/api/v1/customers/" + customer + "/push-tokens";

        assertThat(api.call("POST", path, shop.apiKey(), "{\"token\": \"\"}").statusCode()).isEqualTo(400);
        assertThat(api.call("POST", path, shop.apiKey(), "{\"token\": \"abc\", \"platform\": \"SYMBIAN\"}").statusCode()).isEqualTo(400);
        var other = workspaces.create("Другой магазин");
        assertThat(api.call("POST", path, other.apiKey(), "{\"token\": \"abc\"}").statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from push_device where customer_id = ?").param(customer.value()).query(Long.class).single())
                .isZero();

        var created = api.call("POST", path, shop.apiKey(), "{\"token\": \"abc-" + shop.unique() + "\", \"platform\": \"IOS\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        var location = created.headers().firstValue("Location").orElseThrow();
        assertThat(api.call("DELETE", location, other.apiKey(), null).statusCode()).isEqualTo(404);
        assertThat(api.call("DELETE", location, shop.apiKey(), null).statusCode()).isEqualTo(204);
        assertThat(json.readTree(api.call("GET", path, shop.apiKey(), null).body())).isEmpty();
    }

    private String register(String token) {
        var answer = Http.api(port).call("POST", "/api/v1/customers/" + customer + "/push-tokens", shop.apiKey(),
                "{\"token\": \"" + token + "\", \"platform\": \"ANDROID\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return token;
    }

    private void fcmAnswers(int status, String body, String... retryAfter) {
        var response = aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8").withBody(body);
        if (retryAfter.length == 1) {
            response = response.withHeader("Retry-After", retryAfter[0]);
        }
        fcm.server().stubFor(post(urlPathEqualTo(SEND)).willReturn(response));
    }

    private MessageId send(String text) {
        var id = outbox.queue(shop.workspace().id(), new OutboundMessage(customer, Channel.PUSH, MessageCategory.SERVICE, text, null,
                "fcm-" + UUID.randomUUID(), false, Duration.ofHours(1)));
        dispatcher.dispatchDue();
        return id;
    }

    private MessageStatus status(MessageId id) {
        return outbox.find(shop.workspace().id(), id).orElseThrow().status();
    }

    private LoggedRequest onlyRequest(String path) {
        var requests = fcm.server().findAll(postRequestedFor(urlPathEqualTo(path)));
        assertThat(requests).hasSize(1);
        return requests.getFirst();
    }

    private static Map<String, String> form(String body) {
        var fields = new java.util.HashMap<String, String>();
        for (var pair : body.split("&")) {
            var parts = pair.split("=", 2);
            fields.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static String path(JsonNode link) {
        return URI.create(link.asString()).getRawPath();
    }

    /** A key file shaped as Firebase's «Generate new private key» gives it, its token_uri the stand-in's. */
    private String serviceAccount(String email) {
        var pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(KEY.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        return json.writeValueAsString(Map.of("type", "service_account", "project_id", PROJECT,
                "private_key_id", "3f1c9a7e0d2b", "private_key", pem, "client_email", email, "client_id", "104857600000000000001",
                "auth_uri", "https://accounts.google.com/o/oauth2/auth", "token_uri", fcm.baseUrl() + "/token"));
    }

    private static KeyPair rsa() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
