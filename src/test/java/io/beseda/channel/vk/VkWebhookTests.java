package io.beseda.channel.vk;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
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
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.CustomerTyping;
import io.beseda.channel.InboundMessages;
import io.beseda.consent.Channel;
import io.beseda.consent.ConsentPurpose;
import io.beseda.consent.ConsentStatus;
import io.beseda.consent.Consents;
import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.customer.IdentityKind;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.WorkspaceId;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** What VK's Callback API brings, beyond the connector kit: confirmation, the secret's variants and VK's own events. */
@BesedaTest
@RecordApplicationEvents
@TestPropertySource(properties = "beseda.channel.vk.base-url=${" + VkStandIn.PROPERTY + "}")
class VkWebhookTests {

    @RegisterExtension
    static final VkStandIn vk = VkStandIn.shared();

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    InboundMessages inbound;

    @Autowired
    Customers customers;

    @Autowired
    Consents consents;

    @Autowired
    VkCustomerSignals signals;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    private WorkspaceId workspace;
    private ChannelAccount account;
    private VkCallbacks callbacks;

    @BeforeEach
    void aCommunityConnected() {
        workspace = workspaces.create("ВК вебхук").workspace().id();
        account = connect(VkStandIn.CONFIRMATION);
        callbacks = new VkCallbacks(json, port);
    }

    @Test
    void answersVksConfirmationWithTheConfirmationStringAsPlainText() {
        var response = callbacks.post(account.id(), json.writeValueAsString(Map.of("type", "confirmation", "group_id", VkStandIn.GROUP)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(VkStandIn.CONFIRMATION);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    }

    @Test
    void asksVkForTheConfirmationStringWhenTheSettingsHaveNone() {
        var unconfirmed = connect(null);

        var response = callbacks.post(unconfirmed.id(), json.writeValueAsString(Map.of("type", "confirmation", "group_id", VkStandIn.GROUP)));

        assertThat(response.body()).isEqualTo(VkStandIn.CONFIRMATION);
        assertThat(vk.calls("groups.getCallbackConfirmationCode")).singleElement()
                .satisfies(call -> assertThat(call).containsEntry("group_id", Long.toString(VkStandIn.GROUP)));
    }

    @Test
    void refusesToConfirmForAnotherCommunityOrWithAWrongSecret() {
        var otherCommunity = callbacks.post(account.id(), json.writeValueAsString(Map.of("type", "confirmation", "group_id", 1)));
        var wrongSecret = callbacks.post(account.id(), json.writeValueAsString(Map.of("type", "confirmation",
                "group_id", VkStandIn.GROUP, "secret", "guess")));

        assertThat(otherCommunity.statusCode()).isEqualTo(403);
        assertThat(wrongSecret.statusCode()).isEqualTo(403);
        assertThat(otherCommunity.body()).doesNotContain(VkStandIn.CONFIRMATION);
    }

    @Test
    void refusesEveryEventWithoutThisAccountsSecretAndCommunityBeforeStoringAnything() {
        var message = VkCallbacks.messageNew(sender(), 10, Map.of("text", "Переведите деньги"));
        var other = connectSecret("anotherAccountsSecret");

        assertThat(callbacks.post(account.id(), callbacks.event("message_new", "e-1", message, VkStandIn.GROUP, null)).statusCode())
                .as("no secret").isEqualTo(403);
        assertThat(callbacks.post(account.id(), callbacks.event("message_new", "e-2", message, VkStandIn.GROUP, "vkCallbackSecret43"))
                .statusCode()).as("a secret one character off").isEqualTo(403);
        assertThat(callbacks.post(account.id(), callbacks.event("message_new", "e-3", message, VkStandIn.GROUP, "")).statusCode())
                .as("an empty secret").isEqualTo(403);
        assertThat(callbacks.post(account.id(), callbacks.event("message_new", "e-4", message, VkStandIn.GROUP + 1, VkStandIn.SECRET))
                .statusCode()).as("the right secret for another community").isEqualTo(403);
        assertThat(callbacks.post(account.id(), callbacks.event("message_new", "e-5", message, VkStandIn.GROUP, "anotherAccountsSecret"))
                .statusCode()).as("another account's secret").isEqualTo(403);
        assertThat(callbacks.post(UUID.randomUUID(), callbacks.event("message_new", "e-6", message)).statusCode())
                .as("an account that does not exist").isEqualTo(403);
        assertThat(callbacks.post(account.id(), "type=message_new&secret=" + VkStandIn.SECRET).statusCode())
                .as("not JSON").isEqualTo(403);
        assertThat(other.id()).isNotEqualTo(account.id());
        assertThat(storedCount()).isZero();
    }

    @Test
    void acceptsAMessageWithPlainOkOnceWithTheSendersNameFromVk() {
        var from = sender();
        var event = callbacks.event("message_new", "b5f1e0c2", VkCallbacks.messageNew(from, 11, Map.of("text", "Здравствуйте!")));

        var first = callbacks.post(account.id(), event);
        var again = callbacks.post(account.id(), event);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("ok");
        assertThat(again.body()).isEqualTo("ok");
        assertThat(storedCount()).isEqualTo(1);
        var stored = stored("b5f1e0c2");
        assertThat(stored.sender()).isEqualTo(Long.toString(from));
        assertThat(stored.senderName()).isEqualTo("Анна Смирнова");
        assertThat(stored.sentAt()).isEqualTo(java.time.Instant.ofEpochSecond(1732363200));
        assertThat(customers.findBy(workspace, Identity.of(IdentityKind.VK, Long.toString(from)))).isPresent();
        assertThat(accounts.health(workspace, account.id()).lastInboundAt()).isNotNull();
    }

    @Test
    void aRedeliveredPhotoIsNeitherFetchedNorKeptAgain() {
        var from = sender();
        var photo = vk.file("/impg/" + from + "/defect.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13});
        var event = callbacks.event("message_new", "photo-" + from, VkCallbacks.messageNew(from, 20, Map.of("text", "шов разошёлся",
                "attachments", List.of(Map.of("type", "photo", "photo", Map.of("id", 457240002, "owner_id", from, "album_id", -3,
                        "date", 1732363190, "has_tags", false, "sizes", List.of(Map.of("type", "x", "width", 604, "height", 453, "url", photo))))))));

        assertThat(callbacks.post(account.id(), event).body()).isEqualTo("ok");
        assertThat(callbacks.post(account.id(), event).body()).isEqualTo("ok");

        vk.server().verify(1, getRequestedFor(urlPathEqualTo("/impg/" + from + "/defect.png")));
        assertThat(jdbc.sql("select count(*) from attachment where workspace_id = ?").param(workspace.value()).query(Long.class).single())
                .isEqualTo(1);
        assertThat(stored("photo-" + from).attachments()).singleElement().satisfies(file -> assertThat(file.mimeType()).isEqualTo("image/png"));
    }

    @Test
    void takesInASharedPointTheStartButtonAndAPdfDocument() {
        var from = sender();
        var pdf = vk.file("/doc" + from + "_6001", PDF) + "?hash=5e1c0a&dl=GE3DAMJQGQ2TM:1732363100&api=1&no_preview=1";
        callbacks.post(account.id(), callbacks.event("message_new", "geo-1", VkCallbacks.messageNew(from, 12, Map.of("geo",
                Map.of("type", "point", "coordinates", Map.of("latitude", 56.838011, "longitude", 60.597474),
                        "place", Map.of("title", "Екатеринбург, проспект Ленина", "country", "Россия", "city", "Екатеринбург"))))));
        callbacks.post(account.id(), callbacks.event("message_new", "start-1", VkCallbacks.messageNew(from, 13, Map.of("text", "Начать",
                "payload", "{\"command\":\"start\"}"))));
        callbacks.post(account.id(), callbacks.event("message_new", "doc-1", VkCallbacks.messageNew(from, 14, Map.of("attachments",
                List.of(Map.of("type", "doc", "doc", Map.of("id", 6001, "owner_id", from, "title", "счёт.pdf", "size", PDF.length,
                        "ext", "pdf", "url", pdf, "date", 1732363100, "type", 1)))))));

        assertThat(stored("geo-1").location()).satisfies(point -> {
            assertThat(point.latitude()).isEqualTo(56.838011);
            assertThat(point.longitude()).isEqualTo(60.597474);
            assertThat(point.label()).isEqualTo("Екатеринбург, проспект Ленина");
        });
        assertThat(stored("geo-1").text()).isNull();
        assertThat(stored("start-1").buttonPayload()).as("VK's own payload is kept as VK gave it").isEqualTo("{\"command\":\"start\"}");
        assertThat(stored("doc-1").attachments()).singleElement().satisfies(file -> {
            assertThat(file.mimeType()).isEqualTo("application/pdf");
            assertThat(file.name()).isEqualTo("счёт.pdf");
        });
    }

    @Test
    void letsGroupChatsAndOtherCommunitiesPassUnstored() {
        var chat = new HashMap<>(VkCallbacks.messageNew(sender(), 15, Map.of("text", "всем привет", "peer_id", 2_000_000_003L)));
        var community = VkCallbacks.messageNew(-77_000_001L, 16, Map.of("text", "реклама"));

        assertThat(callbacks.post(account.id(), callbacks.event("message_new", "chat-1", chat)).body()).isEqualTo("ok");
        assertThat(callbacks.post(account.id(), callbacks.event("message_new", "club-1", community)).body()).isEqualTo("ok");

        assertThat(storedCount()).isZero();
    }

    @Test
    void refusesAMessageWithoutItsSenderAndStoresNothing() {
        var response = callbacks.post(account.id(), callbacks.event("message_new", "bad-1", Map.of("message", Map.of("text", "где заказ"))));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(storedCount()).isZero();
    }

    @Test
    void asksVkAgainWhenItDoesNotGiveTheCustomersPhoto() {
        var from = sender();
        var event = callbacks.event("message_new", "lost-photo", VkCallbacks.messageNew(from, 17, Map.of("text", "вот брак",
                "attachments", List.of(Map.of("type", "photo", "photo", Map.of("id", 1, "owner_id", from, "album_id", -3, "date", 1,
                        "has_tags", false, "sizes", List.of(Map.of("type", "x", "width", 604, "height", 453,
                                "url", vk.baseUrl() + "/gone/photo.jpg"))))))));

        var response = callbacks.post(account.id(), event);

        assertThat(response.statusCode()).as("VK delivers an event again until it gets ok").isEqualTo(503);
        assertThat(storedCount()).isZero();
    }

    @Test
    void takesACallbackButtonsPayloadAndAnswersVkSoTheSpinnerStops() {
        var from = sender();
        var press = Map.<String, Object>of("user_id", from, "peer_id", from, "event_id", "3c1b2a9d8e7f",
                "payload", Map.of("button", "csat:5"), "conversation_message_id", 42);

        var response = callbacks.post(account.id(), callbacks.event("message_event", "ev-1", press));

        assertThat(response.body()).isEqualTo("ok");
        assertThat(stored("ev-1").buttonPayload()).isEqualTo("csat:5");
        assertThat(stored("ev-1").senderName()).isEqualTo("Анна Смирнова");
        assertThat(vk.calls("messages.sendMessageEventAnswer")).singleElement().satisfies(call -> {
            assertThat(call).containsEntry("event_id", "3c1b2a9d8e7f");
            assertThat(call).containsEntry("user_id", Long.toString(from));
            assertThat(call).containsEntry("peer_id", Long.toString(from));
        });
    }

    @Test
    void aCustomerWhoDeniesMessagesHasRefusedMarketingInVkAndAllowingAgainGrantsNothing() {
        var from = sender();
        callbacks.post(account.id(), callbacks.event("message_new", "hi-1", VkCallbacks.messageNew(from, 18, Map.of("text", "привет"))));
        var customer = customer(from);

        assertThat(callbacks.post(account.id(), callbacks.event("message_deny", "deny-1", Map.of("user_id", from))).body()).isEqualTo("ok");
        assertThat(consents.status(workspace, customer, ConsentPurpose.MARKETING, Channel.VK)).isEqualTo(ConsentStatus.WITHDRAWN);
        assertThat(callbacks.post(account.id(), callbacks.event("message_deny", "deny-1", Map.of("user_id", from))).body()).isEqualTo("ok");
        assertThat(consents.history(workspace, customer)).as("a redelivered denial adds nothing").hasSize(1);

        assertThat(callbacks.post(account.id(), callbacks.event("message_allow", "allow-1", Map.of("user_id", from, "key", "shop-site")))
                .body()).isEqualTo("ok");
        assertThat(consents.status(workspace, customer, ConsentPurpose.MARKETING, Channel.VK)).isEqualTo(ConsentStatus.WITHDRAWN);
    }

    @Test
    void showsTheCustomerTypingAtMostEveryFewSeconds(ApplicationEvents events) {
        var from = sender();
        callbacks.post(account.id(), callbacks.event("message_new", "hi-2", VkCallbacks.messageNew(from, 19, Map.of("text", "минуту"))));
        var typing = json.valueToTree(Map.of("state", "typing", "from_id", from, "to_id", -VkStandIn.GROUP));

        var someoneElse = json.valueToTree(Map.of("state", "typing", "from_id", sender(), "to_id", -VkStandIn.GROUP));
        assertThat(callbacks.post(account.id(), callbacks.event("message_typing_state", "t-0", someoneElse)).body()).isEqualTo("ok");

        signals.typing(account, typing);
        signals.typing(account, typing);

        assertThat(events.stream(CustomerTyping.class).filter(e -> e.workspaceId().equals(workspace)).toList()).singleElement()
                .satisfies(e -> {
                    assertThat(e.customer()).isEqualTo(customer(from));
                    assertThat(e.channel()).isEqualTo(Channel.VK);
                });
    }

    @Test
    void acknowledgesEventsItDoesNotUse() {
        var response = callbacks.post(account.id(), callbacks.event("wall_post_new", "wall-1", Map.of("id", 5, "owner_id", -VkStandIn.GROUP)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ok");
        vk.server().verify(0, postRequestedFor(urlPathEqualTo("/method/messages.send")));
    }

    private ChannelAccount connect(String confirmation) {
        var settings = new HashMap<String, Object>(Map.of("groupId", VkStandIn.GROUP, "accessToken", VkStandIn.TOKEN,
                "callbackSecret", VkStandIn.SECRET));
        if (confirmation != null) {
            settings.put("confirmationCode", confirmation);
        }
        return accounts.add(workspace, Channel.VK, VkConnectorFactory.PROVIDER, "Сообщество", settings, 20);
    }

    private ChannelAccount connectSecret(String secret) {
        return accounts.add(workspace, Channel.VK, VkConnectorFactory.PROVIDER, "Другое", Map.of("groupId", VkStandIn.GROUP,
                "accessToken", VkStandIn.TOKEN, "callbackSecret", secret), 20);
    }

    private static long sender() {
        return 100_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 800_000_000L);
    }

    private long storedCount() {
        return jdbc.sql("select count(*) from inbound_message where workspace_id = ?").param(workspace.value()).query(Long.class).single();
    }

    private InboundMessages.Stored stored(String eventId) {
        var id = jdbc.sql("select id from inbound_message where workspace_id = ? and provider_message_id = ?")
                .params(workspace.value(), eventId).query(UUID.class).single();
        return inbound.find(workspace, id).orElseThrow();
    }

    private CustomerId customer(long vkId) {
        return customers.findBy(workspace, Identity.of(IdentityKind.VK, Long.toString(vkId))).orElseThrow();
    }
}
