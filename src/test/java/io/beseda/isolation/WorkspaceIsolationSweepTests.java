package io.beseda.isolation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.beseda.catalog.CatalogImport;
import io.beseda.catalog.ImportReport;
import io.beseda.catalog.Stores;
import io.beseda.consent.Channel;
import io.beseda.consent.Consents;
import io.beseda.consent.Suppression;
import io.beseda.consent.Suppressions;
import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.InboundMessage;
import io.beseda.channel.InboundMessages;
import io.beseda.channel.OutboundMessage;
import io.beseda.conversation.Conversations;
import io.beseda.channel.Outbox;
import io.beseda.consent.MessageCategory;
import io.beseda.consent.request.DataRequest;
import io.beseda.consent.request.DataRequests;
import io.beseda.customer.CustomerDirectory;
import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.customer.SegmentId;
import io.beseda.customer.Segments;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;
import io.beseda.testing.TestWorkspaces.Tenant;
import io.beseda.workspace.Actor;
import io.beseda.workspace.Role;
import io.beseda.workspace.Users;
import io.beseda.workspace.apikey.ApiKeys;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every endpoint the application maps, as workspace A, with workspace B's ids, and expects
 * "not found" every time; then checks that nothing of B changed. Endpoints are discovered, not listed:
 * a new endpoint with a path variable this sweep has no foreign id for fails the sweep until its
 * author adds one to {@link #foreignIds}.
 */
@BesedaTest
class WorkspaceIsolationSweepTests {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

    /** Endpoints that must be part of the sweep; guards against a sweep that silently walks nothing. */
    private static final Set<String> KNOWN = Set.of(
            "GET /api/v1/users/{userId}", "PATCH /api/v1/users/{userId}",
            "GET /api/v1/api-keys/{keyId}", "DELETE /api/v1/api-keys/{keyId}",
            "POST /settings/users/{userId}/role", "POST /settings/users/{userId}/enabled",
            "POST /settings/api-keys/{keyId}/revoke",
            "GET /api/v1/customers/{customerId}", "PATCH /api/v1/customers/{customerId}",
            "GET /api/v1/customers/{customerId}/timeline", "GET /api/v1/customers/{customerId}/export",
            "POST /api/v1/customers/{customerId}/data-requests", "POST /api/v1/data-requests/{requestId}/complete",
            "POST /settings/data-requests/{requestId}/complete",
            "GET /api/v1/segments/{segmentId}", "PUT /api/v1/segments/{segmentId}",
            "DELETE /api/v1/segments/{segmentId}", "GET /api/v1/segments/{segmentId}/members",
            "GET /api/v1/customers/{customerId}/segments",
            "GET /customers/segments/{segmentId}", "GET /customers/segments/{segmentId}/edit",
            "POST /customers/segments/{segmentId}", "POST /customers/segments/{segmentId}/preview",
            "POST /customers/segments/{segmentId}/delete", "POST /customers/segments/{segmentId}/evaluate",
            "GET /customers/{customerId}", "GET /customers/{customerId}/timeline", "POST /customers/{customerId}/profile",
            "GET /api/v1/customers/{customerId}/consents", "POST /api/v1/customers/{customerId}/consents",
            "GET /api/v1/customers/{customerId}/consents/export", "GET /api/v1/customers/{customerId}/send-decisions",
            "DELETE /api/v1/suppressions/{suppressionId}", "GET /customers/{customerId}/consents",
            "GET /api/v1/messages/{messageId}", "GET /api/v1/conversations/{conversationId}",
            "GET /api/v1/conversations/{conversationId}/messages", "POST /api/v1/conversations/{conversationId}/replies",
            "POST /api/v1/conversations/{conversationId}/notes", "POST /api/v1/conversations/{conversationId}/status",
            "GET /inbox/{conversationId}", "POST /inbox/{conversationId}/replies", "POST /inbox/{conversationId}/templates",
            "GET /settings/webchat/{accountId}", "POST /settings/webchat/{accountId}", "POST /settings/webchat/{accountId}/secret",
            "GET /api/v1/teams/{teamId}", "PUT /api/v1/teams/{teamId}", "DELETE /api/v1/teams/{teamId}",
            "PUT /api/v1/teams/{teamId}/members/{userId}", "DELETE /api/v1/teams/{teamId}/members/{userId}",
            "GET /api/v1/inboxes/{inboxId}", "PUT /api/v1/inboxes/{inboxId}", "DELETE /api/v1/inboxes/{inboxId}",
            "PUT /api/v1/inboxes/{inboxId}/accounts/{accountId}", "DELETE /api/v1/inboxes/{inboxId}/accounts/{accountId}",
            "PUT /api/v1/operators/{userId}/availability", "PUT /api/v1/operators/{userId}/capacity",
            "PUT /api/v1/conversations/{conversationId}/assignee", "POST /api/v1/conversations/{conversationId}/transfer",
            "PUT /api/v1/conversations/{conversationId}/priority", "PUT /api/v1/conversations/{conversationId}/labels",
            "POST /api/v1/conversations/{conversationId}/labels", "DELETE /api/v1/conversations/{conversationId}/labels/{label}",
            "POST /api/v1/conversations/{conversationId}/snooze", "GET /api/v1/conversations/{conversationId}/csat",
            "GET /api/v1/canned-replies/{cannedReplyId}", "PUT /api/v1/canned-replies/{cannedReplyId}",
            "DELETE /api/v1/canned-replies/{cannedReplyId}",
            "POST /api/v1/conversations/{conversationId}/canned-replies/{cannedReplyId}/render",
            "POST /settings/teams/{teamId}", "POST /settings/teams/{teamId}/delete", "POST /settings/teams/{teamId}/members",
            "POST /settings/teams/{teamId}/members/{userId}/remove", "POST /settings/operators/{userId}/capacity",
            "POST /settings/inboxes/{inboxId}", "POST /settings/inboxes/{inboxId}/delete", "POST /settings/inboxes/{inboxId}/accounts",
            "POST /settings/canned-replies/{cannedReplyId}", "POST /settings/canned-replies/{cannedReplyId}/delete",
            "POST /inbox/{conversationId}/notes", "POST /inbox/{conversationId}/status",
            "GET /inbox/{conversationId}/messages", "GET /inbox/{conversationId}/header",
            "POST /inbox/{conversationId}/read", "POST /inbox/{conversationId}/typing",
            "POST /inbox/{conversationId}/assignee", "POST /inbox/{conversationId}/transfer", "POST /inbox/{conversationId}/priority",
            "POST /inbox/{conversationId}/labels", "POST /inbox/{conversationId}/labels/remove", "POST /inbox/{conversationId}/snooze",
            "POST /inbox/{conversationId}/canned-replies/{cannedReplyId}",
            "GET /api/v1/catalog/imports/{importId}", "GET /api/v1/catalog/offers/{offerId}",
            "GET /api/v1/catalog/stores/{storeId}", "DELETE /api/v1/catalog/stores/{storeId}",
            "GET /api/v1/catalog/promotions/{promotionId}", "DELETE /api/v1/catalog/promotions/{promotionId}",
            "GET /api/v1/orders/{orderId}", "GET /api/v1/catalog/loyalty-cards/{number}",
            "POST /api/v1/catalog/loyalty-cards/{number}/activate", "POST /api/v1/catalog/loyalty-cards/{number}/replace",
            "DELETE /api/v1/bot/examples/{intentExampleId}", "PUT /api/v1/bot/knowledge/{knowledgeEntryId}",
            "DELETE /api/v1/bot/knowledge/{knowledgeEntryId}", "POST /bot/knowledge/{knowledgeEntryId}",
            "POST /bot/knowledge/{knowledgeEntryId}/delete", "POST /bot/examples/{intentExampleId}/delete",
            "GET /settings/messengers/{messengerAccountId}", "POST /settings/messengers/{messengerAccountId}",
            "POST /settings/messengers/{messengerAccountId}/enabled", "POST /settings/messengers/{messengerAccountId}/test",
            "POST /settings/messengers/{messengerAccountId}/webhook",
            "GET /api/v1/messenger-accounts/{messengerAccountId}", "PUT /api/v1/messenger-accounts/{messengerAccountId}",
            "PUT /api/v1/messenger-accounts/{messengerAccountId}/enabled", "POST /api/v1/messenger-accounts/{messengerAccountId}/test",
            "POST /api/v1/messenger-accounts/{messengerAccountId}/webhook",
            "POST /api/v1/customers/{customerId}/push-tokens", "GET /api/v1/customers/{customerId}/push-tokens",
            "DELETE /api/v1/customers/{customerId}/push-tokens/{pushTokenId}",
            "GET /journeys/{journeyId}", "POST /journeys/{journeyId}", "POST /journeys/{journeyId}/check",
            "POST /journeys/{journeyId}/json", "POST /journeys/{journeyId}/launch", "POST /journeys/{journeyId}/pause",
            "POST /journeys/{journeyId}/resume", "POST /journeys/{journeyId}/archive", "GET /journeys/{journeyId}/stats",
            "GET /api/v1/journeys/{journeyId}", "PUT /api/v1/journeys/{journeyId}", "DELETE /api/v1/journeys/{journeyId}",
            "POST /api/v1/journeys/{journeyId}/launch", "POST /api/v1/journeys/{journeyId}/pause",
            "POST /api/v1/journeys/{journeyId}/resume", "GET /api/v1/journeys/{journeyId}/stats",
            "POST /journeys/{journeyId}/preview", "POST /api/v1/journeys/{journeyId}/entries",
            "GET /journeys/{journeyId}/test", "POST /journeys/{journeyId}/test", "POST /api/v1/journeys/{journeyId}/test-runs");

    /**
     * Endpoints that never end (server-sent events): the list walk cannot read them to the end.
     * InboxEventsTests checks that a workspace's stream carries nothing of another workspace.
     */
    private static final Set<String> STREAMS = Set.of("GET /inbox/events");

    /**
     * Endpoints whose path variable is not an id of the caller's workspace but a capability that names its
     * workspace itself: the tracker's public token (TrackerEndpointTests checks an unknown token finds
     * nothing), signed unsubscribe links (UnsubscribeLinkTests covers forged ones), file links
     * (AttachmentsTests covers forged tokens), journeys' signed cart links and their restore JSON (CartLinkTests
     * covers forged and tampered ones) and providers' webhooks, authorised by the provider's signature
     * with the account's secret (every connector's ConnectorConformance run covers forged ones).
     */
    private static final Set<String> CAPABILITY_LINKS = Set.of("POST /t/{token}/events", "GET /u/{token}", "POST /u/{token}",
            "GET /r/{token}", "GET /r/{token}/cart",
            "GET /files/{fileId}/{token}", "POST /webhooks/sandbox/{accountId}",
            "GET /webhooks/whatsapp/{accountId}", "POST /webhooks/whatsapp/{accountId}", "POST /webhooks/telegram/{accountId}",
            "POST /webhooks/viber/{accountId}", "POST /webhooks/max/{accountId}", "POST /webhooks/vk/{accountId}",
            "POST /webhooks/smsc/{accountId}",
            // web push: the tracker's token again (WebPushTests: unknown tokens find nothing) and a notification's
            // unguessable tracking token (WebPushTests: unknown ones find nothing)
            "GET /t/{token}/push-key", "POST /t/{token}/push-subscriptions", "GET /t/push/click/{pushToken}",
            "POST /t/push/shown/{pushToken}");

    /**
     * Endpoints whose path variable is the caller's own name for what it creates, not a reference to something
     * that exists: the shop's store id (its feed's outlets use it). With B's id they make A's own store;
     * {@link #everyEndpointWithAnIdAnswersNotFoundForAnotherWorkspacesId} checks that B's store is untouched.
     */
    private static final Set<String> OWN_NAMES = Set.of("PUT /api/v1/catalog/stores/{storeId}",
            "PUT /api/v1/catalog/promotions/{promotionId}");

    private static final String FEED_OF_B = """
            <yml_catalog><shop><categories><category id="b-1">Пальто</category></categories><offers>
            <offer id="coat-b"><name>Пальто Б-7</name><price>9990</price><categoryId>b-1</categoryId>
            <outlets><outlet id="nevsky-b" instock="2"/></outlets></offer>
            </offers></shop></yml_catalog>""";

    /** Request bodies (API) or form fields (console) that get past validation, so only scoping can refuse. */
    private static final Map<String, String> API_BODIES = Map.ofEntries(
            entry("PATCH /api/v1/users/{userId}", "{\"role\":\"ANALYST\",\"enabled\":false}"),
            entry("PATCH /api/v1/customers/{customerId}", "{\"name\":\"Чужой\"}"),
            entry("POST /api/v1/customers/{customerId}/data-requests", "{\"kind\":\"ERASURE\"}"),
            entry("POST /api/v1/data-requests/{requestId}/reject", "{\"reason\":\"sweep\"}"),
            entry("PUT /api/v1/segments/{segmentId}", "{\"name\":\"Чужой сегмент\",\"rule\":{\"lastSeen\":{\"days\":7}}}"),
            entry("POST /api/v1/customers/{customerId}/consents", "{\"purpose\":\"MARKETING\",\"channel\":\"SMS\",\"granted\":false,\"source\":\"API\"}"),
            entry("POST /api/v1/conversations/{conversationId}/replies", "{\"text\":\"Чужой ответ\"}"),
            entry("POST /api/v1/conversations/{conversationId}/notes", "{\"text\":\"Чужая заметка\"}"),
            entry("POST /api/v1/conversations/{conversationId}/status", "{\"status\":\"RESOLVED\"}"),
            entry("PUT /api/v1/teams/{teamId}", "{\"name\":\"Чужая команда\"}"),
            entry("PUT /api/v1/inboxes/{inboxId}", "{\"name\":\"Чужой ящик\"}"),
            entry("PUT /api/v1/operators/{userId}/availability", "{\"status\":\"OFFLINE\"}"),
            entry("PUT /api/v1/operators/{userId}/capacity", "{\"capacity\":0}"),
            entry("PUT /api/v1/conversations/{conversationId}/assignee", "{\"userId\":null}"),
            entry("POST /api/v1/conversations/{conversationId}/transfer", "{\"teamId\":\"" + UUID.randomUUID() + "\"}"),
            entry("PUT /api/v1/conversations/{conversationId}/priority", "{\"priority\":\"LOW\"}"),
            entry("PUT /api/v1/conversations/{conversationId}/labels", "{\"labels\":[\"чужая\"]}"),
            entry("POST /api/v1/conversations/{conversationId}/labels", "{\"label\":\"чужая\"}"),
            entry("POST /api/v1/conversations/{conversationId}/snooze", "{\"until\":\"2099-01-01T00:00:00Z\"}"),
            entry("PUT /api/v1/canned-replies/{cannedReplyId}", "{\"shortcut\":\"alien\",\"title\":\"Чужой\",\"body\":\"Чужой\"}"),
            entry("PUT /api/v1/catalog/stores/{storeId}", "{\"name\":\"Чужой магазин\",\"city\":\"Казань\",\"address\":\"Баумана, 1\"}"),
            entry("POST /api/v1/catalog/loyalty-cards/{number}/activate", "{\"customerId\":\"" + UUID.randomUUID() + "\"}"),
            entry("PUT /api/v1/bot/knowledge/{knowledgeEntryId}", "{\"question\":\"Чужой вопрос\",\"answer\":\"Чужой ответ\"}"),
            entry("PUT /api/v1/messenger-accounts/{messengerAccountId}", "{\"name\":\"Чужой\",\"settings\":{}}"),
            entry("PUT /api/v1/messenger-accounts/{messengerAccountId}/enabled", "{\"enabled\":false}"),
            entry("POST /api/v1/customers/{customerId}/push-tokens", "{\"token\":\"sweep-device-token\",\"platform\":\"ANDROID\"}"),
            entry("POST /api/v1/journeys/{journeyId}/entries", "{\"customerId\":\"" + UUID.randomUUID() + "\"}"),
            entry("POST /api/v1/journeys/{journeyId}/test-runs", "{\"customerId\":\"" + UUID.randomUUID() + "\"}"),
            entry("PUT /api/v1/journeys/{journeyId}", """
                    {"name": "Чужой путь", "definition": {"trigger": {"type": "api"}, "steps": [{"type": "exit", "id": "out", "name": "Выход"}],
                     "entry": {"kind": "EVERY_TIME"}, "category": "SERVICE", "messageCap": 1, "capPeriod": "P1D", "activeQuietFor": "PT0S"}}"""));
    private static final Map<String, Map<String, String>> CONSOLE_FORMS = Map.ofEntries(
            entry("POST /inbox/{conversationId}/assignee", Map.of("operator", "me")),
            entry("POST /inbox/{conversationId}/transfer", Map.of("to", "user:" + UUID.randomUUID(), "note", "Чужая заметка")),
            entry("POST /inbox/{conversationId}/priority", Map.of("priority", "URGENT")),
            entry("POST /inbox/{conversationId}/labels", Map.of("label", "чужая")),
            entry("POST /inbox/{conversationId}/labels/remove", Map.of("label", "vip")),
            entry("POST /inbox/{conversationId}/snooze", Map.of("until", "2030-01-01T10:00")),
            entry("POST /settings/users/{userId}/role", Map.of("role", "ANALYST")),
            entry("POST /settings/users/{userId}/enabled", Map.of("enabled", "false")),
            entry("POST /settings/data-requests/{requestId}/reject", Map.of("reason", "sweep")),
            entry("POST /customers/segments/{segmentId}", Map.of("name", "Чужой сегмент", "rule", "{\"lastSeen\":{\"days\":7}}")),
            entry("POST /customers/segments/{segmentId}/preview", Map.of("rule", "{\"lastSeen\":{\"days\":7}}")),
            entry("POST /customers/{customerId}/profile", Map.of("name", "Чужое имя", "city", "Казань")),
            entry("POST /inbox/{conversationId}/replies", Map.of("text", "Чужой ответ")),
            entry("POST /inbox/{conversationId}/templates", Map.of("templateId", UUID.randomUUID().toString(), "parameter.1", "Чужое")),
            entry("POST /inbox/{conversationId}/notes", Map.of("text", "Чужая заметка")),
            entry("POST /inbox/{conversationId}/status", Map.of("status", "RESOLVED")),
            entry("POST /settings/webchat/{accountId}", Map.of("name", "Чужой чат", "greeting", "Чужое приветствие")),
            entry("POST /settings/teams/{teamId}", Map.of("name", "Чужая", "assignment", "MANUAL", "firstResponseMinutes", "5",
                    "nextResponseMinutes", "5")),
            entry("POST /settings/teams/{teamId}/members", Map.of("userId", UUID.randomUUID().toString())),
            entry("POST /settings/operators/{userId}/capacity", Map.of("capacity", "0")),
            entry("POST /settings/inboxes/{inboxId}", Map.of("name", "Чужой", "timeZone", "Europe/Moscow")),
            entry("POST /settings/inboxes/{inboxId}/accounts", Map.of("accountId", UUID.randomUUID().toString())),
            entry("POST /settings/canned-replies/{cannedReplyId}", Map.of("shortcut", "alien", "title", "Чужой", "body", "Чужой")),
            entry("POST /bot/knowledge/{knowledgeEntryId}", Map.of("question", "Чужой вопрос", "answer", "Чужой ответ")),
            entry("POST /journeys/{journeyId}", Map.of("action", "save", "name", "Чужой путь", "trigger.type", "api",
                    "category", "SERVICE", "cap", "1", "capPeriod", "1 д", "entry.kind", "EVERY_TIME",
                    "s0.type", "exit", "s0.id", "out", "s0.name", "Выход")),
            entry("POST /journeys/{journeyId}/json", Map.of("definition", """
                    {"trigger": {"type": "api"}, "steps": [{"type": "exit", "id": "out", "name": "Выход"}],
                     "entry": {"kind": "EVERY_TIME"}, "category": "SERVICE", "messageCap": 1, "capPeriod": "P1D", "activeQuietFor": "PT0S"}""")),
            entry("POST /journeys/{journeyId}/launch", Map.of("moveInside", "true")),
            entry("POST /journeys/{journeyId}/test", Map.of("customerId", UUID.randomUUID().toString())));

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Users users;

    @Autowired
    ApiKeys keys;

    @Autowired
    Customers customers;

    @Autowired
    Outbox outbox;

    @Autowired
    InboundMessages inbound;

    @Autowired
    Conversations conversations;

    @Autowired
    Suppressions suppressions;

    @Autowired
    Consents consents;

    @Autowired
    DataRequests dataRequests;

    @Autowired
    CustomerDirectory directory;

    @Autowired
    Segments segments;

    @Autowired
    ChannelAccounts channelAccounts;

    @Autowired
    io.beseda.conversation.Teams teams;

    @Autowired
    io.beseda.conversation.Inboxes inboxes;

    @Autowired
    io.beseda.conversation.CannedReplies cannedReplies;

    @Autowired
    CatalogImport catalogImport;

    @Autowired
    Stores stores;

    @Autowired
    io.beseda.catalog.Promotions promotions;

    @Autowired
    io.beseda.catalog.search.Synonyms synonyms;

    @Autowired
    io.beseda.catalog.LoyaltyCards loyaltyCards;

    @Autowired
    io.beseda.bot.BotSettings botSettings;

    @Autowired
    io.beseda.bot.KnowledgeBase knowledgeBase;

    @Autowired
    io.beseda.bot.IntentExamples intentExamples;

    private Tenant a;
    private Tenant b;
    private String segmentOfB;
    private CustomerId customerOfB;
    private Suppression suppressionOfB;
    private ChannelAccount webChatOfB;
    private ImportReport importOfB;
    private io.beseda.bot.KnowledgeBase.Entry knowledgeOfB;
    private io.beseda.bot.IntentExamples.Example exampleOfB;
    private UUID returnOfB;
    private io.beseda.channel.ChannelAccount messengerOfB;
    private io.beseda.journey.runtime.JourneySummary journeyOfB;

    @Autowired
    io.beseda.journey.runtime.JourneyCatalog journeys;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient sweepJdbc;

    @BeforeEach
    void twoWorkspaces() {
        a = workspaces.create("Магазин А");
        b = workspaces.create("Магазин Б");
        var created = Http.api(port).call("POST", "/api/v1/segments", b.apiKey(),
                "{\"name\":\"Сегмент Б\",\"rule\":{\"lastSeen\":{\"days\":30}}}");
        assertThat(created.statusCode()).isEqualTo(201);
        segmentOfB = Http.location(created).substring("/api/v1/segments/".length());
        customerOfB = customers.resolve(b.workspace().id(), List.of(Identity.email("buyer-" + b.unique() + "@b.example"),
                Identity.phone("+7 916 123-00-00")), Instant.now()).orElseThrow();
        suppressionOfB = suppressions.add(Actor.system(b.workspace().id(), "sweep"), Channel.SMS, null, customerOfB, "жалоба");
        webChatOfB = channelAccounts.add(b.workspace().id(), Channel.WEBCHAT, "webchat", "Сайт Б",
                Map.of("inboxToken", "wc_sweep_" + b.unique(), "identitySecret", "wcs_sweep_" + b.unique()), 10);
        importOfB = catalogImport.importYml(b.workspace().id(),
                new java.io.ByteArrayInputStream(FEED_OF_B.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "feed-of-b");
        stores.save(b.workspace().id(), "nevsky-b", new Stores.Details("Невский Б", "Санкт-Петербург", "Невский, 28", 59.93, 30.33,
                null, null));
        synonyms.replace(b.workspace().id(), List.of(List.of("синонимб", "пальто")));
        promotions.save(b.workspace().id(), new io.beseda.catalog.Promotion("sale-b", "Распродажа Б", "Только в Б", Instant.now(),
                Instant.now().plus(java.time.Duration.ofDays(3)), null, null));
        // off, so B's conversation stays open rather than held by the bot
        botSettings.save(b.workspace().id(), false, 0.5, Map.of("greeting", "Привет от бота Б"));
        knowledgeOfB = knowledgeBase.save(b.workspace().id(), UUID.randomUUID(), "Вопрос Б про примерку", "Ответ Б про примерку");
        exampleOfB = intentExamples.add(b.workspace().id(), io.beseda.bot.Intent.DELIVERY, "пример Б про доставку");
        messengerOfB = channelAccounts.add(b.workspace().id(), Channel.VK, "sandbox", "ВК Б", Map.of("webhookSecret", "secret-b"), 10);
        var journeyActor = Actor.system(b.workspace().id(), "sweep");
        journeyOfB = journeys.create(journeyActor, "Путь Б",
                io.beseda.journey.definition.ShippedJourneys.orderStatus(), null);
        journeyOfB = journeys.launch(journeyActor, journeyOfB.id(), false, List.of());
        returnOfB = UUID.randomUUID();
        sweepJdbc.sql("""
                insert into return_request (id, workspace_id, customer_id, conversation_id, order_number, reason, created_at)
                values (?, ?, ?, ?, 'B-777', 'Возврат Б: порвался шов', now())""")
                .params(returnOfB, b.workspace().id().value(), customerOfB.value(), conversationOfB()).update();
    }

    private String orderOfB() {
        var placed = Http.api(port).call("POST", "/api/v1/events", b.apiKey(), """
                {"events": [{"id": "order-b-%s", "type": "order_placed", "occurredAt": "2026-11-20T10:00:00Z",
                             "customer": {"phone": "+79161230000"}, "properties": {"orderId": "B-777", "total": 100}}]}"""
                .formatted(b.unique()));
        assertThat(placed.statusCode()).isEqualTo(200);
        return "B-777";
    }

    private UUID conversationOfB() {
        inbound.receive(b.workspace().id(), new InboundMessage(Channel.TELEGRAM, "sweep-" + b.unique(),
                Identity.of(io.beseda.customer.IdentityKind.TELEGRAM, "sweep-" + b.unique()), null, "Здравствуйте", List.of(), null, Instant.now()));
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> conversations.list(b.workspace().id(), null, 1), list -> !list.isEmpty()).getFirst().id();
    }

    /** B's customer's registered app installation, through B's own API. */
    private String pushTokenOfB() {
        var created = Http.api(port).call("POST", "/api/v1/customers/" + customerOfB + "/push-tokens", b.apiKey(),
                "{\"token\":\"device-of-b-" + b.unique() + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        return created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
    }

    /** An id from workspace B for every path variable an endpoint may have. Later modules add theirs. */
    private Map<String, String> foreignIds() {
        var system = Actor.system(b.workspace().id(), "sweep");
        return Map.ofEntries(
            entry("userId", b.owner().id().toString()),
            entry("keyId", keys.list(b.workspace().id()).getFirst().id().toString()),
            entry("customerId", customerOfB.toString()),
            entry("suppressionId", suppressionOfB.id().toString()),
            entry("segmentId", segmentOfB),
            entry("requestId", dataRequests.open(system, customerOfB, DataRequest.Kind.EXPORT, "sweep", null).id().toString()),
            entry("conversationId", conversationOfB().toString()),
            entry("accountId", webChatOfB.id().toString()),
            entry("messengerAccountId", messengerOfB.id().toString()),
            entry("pushTokenId", pushTokenOfB()),
            entry("journeyId", journeyOfB.id().toString()),
            entry("teamId", teams.create(system, new io.beseda.conversation.TeamSettings("Команда Б",
                    io.beseda.conversation.AssignmentMode.ROUND_ROBIN, 30, 30)).id().toString()),
            entry("inboxId", inboxes.defaultInbox(b.workspace().id()).toString()),
            entry("cannedReplyId", cannedReplies.create(system, new io.beseda.conversation.CannedReplyDraft("b", "Б",
                    "Здравствуйте, {{ customer.first_name }}")).id().toString()),
            entry("label", "vip"),
            entry("importId", importOfB.id().toString()),
            entry("offerId", "coat-b"),
            entry("storeId", "nevsky-b"),
            entry("promotionId", "sale-b"),
            entry("orderId", orderOfB()),
            entry("knowledgeEntryId", knowledgeOfB.id().toString()),
            entry("intentExampleId", exampleOfB.id().toString()),
            entry("number", loyaltyCards.issue(b.workspace().id(), "7799 0000 0001", "Золотой", java.math.BigDecimal.TEN).number()),
            entry("messageId", outbox.queue(b.workspace().id(), new OutboundMessage(customerOfB, Channel.SMS, MessageCategory.SERVICE,
                        "Заказ Б", null, "sweep-" + b.unique(), false, java.time.Duration.ofHours(1))).toString()));
    }

    @Test
    void everyEndpointWithAnIdAnswersNotFoundForAnotherWorkspacesId() {
        var ids = foreignIds();
        var api = Http.api(port);
        var console = Http.console(port);
        console.signIn(a.owner().email(), TestWorkspaces.PASSWORD);
        var walked = new ArrayList<String>();
        var soft = new SoftAssertions();

        for (var endpoint : endpoints()) {
            if (!endpoint.hasVariables() || CAPABILITY_LINKS.contains(endpoint.toString()) || OWN_NAMES.contains(endpoint.toString())) {
                continue;
            }
            var path = endpoint.pathWith(ids, soft);
            if (path == null) {
                continue;
            }
            walked.add(endpoint.toString());
            if (endpoint.isApi()) {
                var response = api.call(endpoint.method(), path, a.apiKey(), API_BODIES.getOrDefault(endpoint.toString(),
                        endpoint.method().equals("GET") || endpoint.method().equals("DELETE") ? null : "{}"));
                soft.assertThat(response.statusCode()).as(endpoint + " → " + response.body()).isEqualTo(404);
            } else {
                var response = endpoint.method().equals("GET") ? console.get(path)
                        : console.submit("/", path, CONSOLE_FORMS.getOrDefault(endpoint.toString(), Map.of()));
                soft.assertThat(response.statusCode()).as(endpoint.toString()).isEqualTo(404);
            }
        }
        soft.assertAll();

        assertThat(walked).containsAll(KNOWN);
        assertThat(endpoints()).extracting(Endpoint::toString).as("exemptions name real endpoints").containsAll(CAPABILITY_LINKS)
                .containsAll(STREAMS).containsAll(OWN_NAMES);
        var ownStore = api.call("PUT", "/api/v1/catalog/stores/nevsky-b", a.apiKey(),
                API_BODIES.get("PUT /api/v1/catalog/stores/{storeId}"));
        assertThat(ownStore.statusCode()).as("B's store id names a new store of A's").isEqualTo(201);
        var ownPromotion = api.call("PUT", "/api/v1/catalog/promotions/sale-b", a.apiKey(), """
                {"title": "Акция А", "terms": "Своя", "startsAt": "2026-01-01T00:00:00Z", "endsAt": "2026-02-01T00:00:00Z"}""");
        assertThat(ownPromotion.statusCode()).as("B's promotion id names a new promotion of A's").isEqualTo(201);
        assertThat(loyaltyCards.find(b.workspace().id(), "779900000001")).as("B's card was neither activated nor replaced")
                .hasValueSatisfying(card -> assertThat(card.status()).isEqualTo(io.beseda.catalog.LoyaltyCard.Status.NOT_ACTIVATED));
        assertThat(promotions.find(b.workspace().id(), "sale-b")).as("B's promotion is untouched")
                .hasValueSatisfying(p -> assertThat(p.title()).isEqualTo("Распродажа Б"));
        assertThat(stores.find(b.workspace().id(), "nevsky-b")).as("B's store is untouched").hasValueSatisfying(store -> {
            assertThat(store.name()).isEqualTo("Невский Б");
            assertThat(store.address()).isEqualTo("Невский, 28");
        });
        assertThat(conversations.messages(b.workspace().id(), UUID.fromString(ids.get("conversationId"))))
                .as("nothing was added to B's conversation").hasSize(1);
        assertThat(conversations.get(b.workspace().id(), UUID.fromString(ids.get("conversationId"))).status())
                .as("B's conversation keeps its status").isEqualTo(io.beseda.conversation.ConversationStatus.OPEN);
        assertThat(consents.history(b.workspace().id(), customerOfB)).isEmpty();
        assertThat(suppressions.list(b.workspace().id())).containsExactly(suppressionOfB);
        var owner = users.get(b.workspace().id(), b.owner().id());
        assertThat(owner.enabled()).isTrue();
        assertThat(owner.role()).isEqualTo(Role.OWNER);
        assertThat(keys.list(b.workspace().id())).allMatch(k -> k.active());
        assertThat(customers.get(b.workspace().id(), customerOfB).name()).isNull();
        assertThat(api.call("GET", "/api/v1/workspace", b.apiKey(), null).statusCode()).isEqualTo(200);
        assertThat(dataRequests.list(b.workspace().id(), true)).as("B's data request is still open").hasSize(1);
        assertThat(directory.search(b.workspace().id(), new CustomerDirectory.Query(null, null, false, false, 0, 10)).customers())
                .as("B's customer is untouched").filteredOn(c -> c.id().equals(customerOfB)).singleElement().satisfies(c -> {
                    assertThat(c.name()).isNull();
                    assertThat(c.erased()).isFalse();
                });
        var segment = segments.get(b.workspace().id(), new SegmentId(UUID.fromString(segmentOfB)));
        assertThat(segment.name()).isEqualTo("Сегмент Б");
        assertThat(segments.list(b.workspace().id())).hasSize(7);
        assertThat(customers.get(b.workspace().id(), customerOfB).erased()).isFalse();
        assertThat(channelAccounts.find(b.workspace().id(), webChatOfB.id())).as("B's web chat is untouched").contains(webChatOfB);
        assertThat(teams.list(b.workspace().id())).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("Команда Б");
            assertThat(t.members()).isEmpty();
        });
        assertThat(cannedReplies.list(b.workspace().id(), null)).singleElement()
                .satisfies(r -> assertThat(r.title()).isEqualTo("Б"));
        assertThat(knowledgeBase.list(b.workspace().id())).as("B's knowledge base is untouched").containsExactly(knowledgeOfB);
        assertThat(channelAccounts.find(b.workspace().id(), messengerOfB.id())).as("B's messenger is untouched").contains(messengerOfB);
        assertThat(channelAccounts.isEnabled(b.workspace().id(), messengerOfB.id())).isTrue();
        assertThat(intentExamples.list(b.workspace().id())).as("B's examples are untouched").containsExactly(exampleOfB);
        assertThat(journeys.get(b.workspace().id(), journeyOfB.id())).as("B's journey is neither renamed, relaunched, paused nor archived")
                .isEqualTo(journeyOfB);
        assertThat(journeys.versions(b.workspace().id(), journeyOfB.id())).singleElement()
                .satisfies(v -> assertThat(v.definition()).isEqualTo(io.beseda.journey.definition.ShippedJourneys.orderStatus()));
        assertThat(sweepJdbc.sql("select token from push_device where workspace_id = ?").param(b.workspace().id().value())
                .query(String.class).list()).as("B's app installation stays, and A registered none for B's customer")
                .containsExactly("device-of-b-" + b.unique());
    }

    @Test
    void everyListShowsOnlyTheCallersWorkspace() {
        var api = Http.api(port);
        var console = Http.console(port);
        console.signIn(a.owner().email(), TestWorkspaces.PASSWORD);
        var traces = List.of(b.workspace().slug(), b.workspace().id().toString(), b.owner().email(),
                b.owner().id().toString(), b.workspace().name(), "Сегмент Б", customerOfB.toString(),
                "79161230000", "123-00-00", suppressionOfB.id().toString(), "Пальто Б-7", "coat-b", "Невский Б", "nevsky-b",
                "feed-of-b", importOfB.id().toString(), "Распродажа Б", "sale-b", "синонимб", "Привет от бота Б", "Вопрос Б",
                "Ответ Б", knowledgeOfB.id().toString(), "пример Б", exampleOfB.id().toString(), "Возврат Б", returnOfB.toString(), "ВК Б", messengerOfB.id().toString(), "Путь Б", journeyOfB.id().toString());
        var walked = 0;
        var failures = new SoftAssertions();

        for (var endpoint : endpoints()) {
            if (endpoint.hasVariables() || !endpoint.method().equals("GET") || STREAMS.contains(endpoint.toString())) {
                continue;
            }
            var response = endpoint.isApi() ? api.call("GET", endpoint.pattern(), a.apiKey(), null)
                    : console.get(endpoint.pattern());
            if (!endpoint.pattern().equals("/error")) {
                failures.assertThat(response.statusCode()).as(endpoint + " must not fail (a 500 here once hid a broken settings page)")
                        .isLessThan(500);
            }
            if (response.statusCode() != 200) {
                continue;
            }
            walked++;
            for (var trace : traces) {
                assertThat(response.body()).as(endpoint + " shows nothing of workspace B").doesNotContain(trace);
            }
        }
        failures.assertAll();
        assertThat(walked).as("list endpoints walked").isGreaterThanOrEqualTo(5);
    }

    private List<Endpoint> endpoints() {
        var endpoints = new ArrayList<Endpoint>();
        for (var mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            mapping.getHandlerMethods().forEach((info, handler) -> {
                if (!handler.getBeanType().getPackageName().startsWith("io.beseda")) {
                    return;
                }
                var methods = info.getMethodsCondition().getMethods();
                for (var pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        endpoints.add(new Endpoint("GET", pattern));
                    }
                    for (RequestMethod method : methods) {
                        endpoints.add(new Endpoint(method.name(), pattern));
                    }
                }
            });
        }
        return endpoints;
    }

    record Endpoint(String method, String pattern) {

        boolean hasVariables() {
            return VARIABLE.matcher(pattern).find();
        }

        boolean isApi() {
            return pattern.startsWith("/api/");
        }

        String pathWith(Map<String, String> ids, SoftAssertions soft) {
            Matcher m = VARIABLE.matcher(pattern);
            var path = new StringBuilder();
            while (m.find()) {
                var id = ids.get(m.group(1));
                if (id == null) {
                    soft.fail("The isolation sweep has no foreign id for {" + m.group(1) + "} in " + this
                            + ": add one to WorkspaceIsolationSweepTests.foreignIds()");
                    return null;
                }
                m.appendReplacement(path, id);
            }
            m.appendTail(path);
            return path.toString();
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }
}
