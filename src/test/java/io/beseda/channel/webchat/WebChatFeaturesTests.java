package io.beseda.channel.webchat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;

import io.beseda.channel.InboundMessages;
import io.beseda.channel.OperatorTyping;
import io.beseda.channel.CustomerTyping;
import io.beseda.channel.OutboundMessage;
import io.beseda.channel.Outbox;
import io.beseda.channel.QuickReply;
import io.beseda.channel.dispatch.Dispatcher;
import io.beseda.consent.Channel;
import io.beseda.consent.ConsentPurpose;
import io.beseda.consent.ConsentSource;
import io.beseda.consent.Consents;
import io.beseda.consent.MessageCategory;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.customer.IdentityKind;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.Actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Consent before the first message, quick replies, and typing in both directions. */
@BesedaTest
class WebChatFeaturesTests {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    WebChatAccounts accounts;

    @Autowired
    Consents consents;

    @Autowired
    Customers customers;

    @Autowired
    Outbox outbox;

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    InboundMessages inbound;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void theFirstMessageNeedsTheTickedConsentWhichIsRecordedWithTheTextShown() {
        var chat = chat("Согласие", "Согласен на обработку персональных данных: https://shop.example/privacy");
        var ws = chat.workspaceId();
        var visitor = UUID.randomUUID().toString();
        try (var widget = WidgetClient.connect(port, chat.settings().inboxToken(), null)) {
            widget.send(Map.of("type", "hello", "visitorId", visitor));
            var consent = (Map<?, ?>) widget.await("ready").get("consent");
            assertThat(consent.get("required")).isEqualTo(true);
            assertThat(consent.get("text").toString()).contains("https://shop.example/privacy");

            widget.send(Map.of("type", "message", "clientId", "c-1", "text", "Здравствуйте"));
            assertThat(widget.error("consent-required").get("clientId")).isEqualTo("c-1");
            assertThat(customers.findBy(ws, Identity.of(IdentityKind.VISITOR, visitor))).as("nothing stored").isEmpty();

            widget.send(Map.of("type", "message", "clientId", "c-2", "text", "Здравствуйте", "consent", true));
            widget.await("status");
        }
        var customer = customers.findBy(ws, Identity.of(IdentityKind.VISITOR, visitor)).orElseThrow();
        var record = consents.history(ws, customer).getFirst();
        assertThat(record.purpose()).isEqualTo(ConsentPurpose.PD_PROCESSING);
        assertThat(record.granted()).isTrue();
        assertThat(record.source()).isEqualTo(ConsentSource.WIDGET);
        assertThat(record.textVersion()).isEqualTo(chat.settings().consentVersion());
        assertThat(record.proof()).containsEntry("clientMessageId", "c-2");
        assertThat(consents.texts(ws)).anyMatch(t -> t.version().equals(chat.settings().consentVersion())
                && t.body().equals(chat.settings().consentText()));

        try (var later = WidgetClient.hello(port, chat.settings().inboxToken(), visitor)) {
            assertThat(((Map<?, ?>) later.frames("ready").getFirst().get("consent")).get("required")).isEqualTo(false);
        }
    }

    @Test
    void quickRepliesComeWithTheMessageAndAPressSendsThePayloadWithTheTitle() {
        var chat = chat("Кнопки", null);
        var ws = chat.workspaceId();
        var visitor = UUID.randomUUID().toString();
        try (var widget = WidgetClient.hello(port, chat.settings().inboxToken(), visitor)) {
            widget.send(Map.of("type", "message", "clientId", "c-1", "text", "Как вам доставка?"));
            widget.await("status");
            var customer = customers.findBy(ws, Identity.of(IdentityKind.VISITOR, visitor)).orElseThrow();
            outbox.queue(ws, new OutboundMessage(customer, Channel.WEBCHAT, MessageCategory.SERVICE, "Оцените, пожалуйста", visitor,
                    "csat-" + visitor, false, Duration.ofHours(1), List.of(new QuickReply("Отлично", "csat:5"),
                    new QuickReply("Плохо", "csat:1")), List.of()));
            dispatcher.dispatchDue();

            var pushed = widget.await("message", f -> "out".equals(f.get("direction")));
            assertThat(pushed.get("quickReplies")).isEqualTo(List.of(Map.of("title", "Отлично", "payload", "csat:5"),
                    Map.of("title", "Плохо", "payload", "csat:1")));
            widget.send(Map.of("type", "button", "clientId", "c-2", "payload", "csat:5", "title", "Отлично"));
            var stored = UUID.fromString(widget.await("status", f -> "c-2".equals(f.get("clientId"))).get("messageId").toString());
            var message = inbound.find(ws, stored).orElseThrow();
            assertThat(message.buttonPayload()).isEqualTo("csat:5");
            assertThat(message.text()).isEqualTo("Отлично");
        }
    }

    @Test
    void theOperatorTypingShowsInTheWidgetAndTheVisitorTypingIsAnnouncedThrottled() {
        var chat = chat("Набор текста", null);
        var ws = chat.workspaceId();
        var visitor = UUID.randomUUID().toString();
        var heard = new CopyOnWriteArrayList<CustomerTyping>();
        ApplicationListener<PayloadApplicationEvent<CustomerTyping>> listener = event -> heard.add(event.getPayload());
        context.addApplicationListener(listener);
        try (var widget = WidgetClient.hello(port, chat.settings().inboxToken(), visitor)) {
            widget.send(Map.of("type", "message", "clientId", "c-1", "text", "Добрый день"));
            widget.await("status");
            var customer = customers.findBy(ws, Identity.of(IdentityKind.VISITOR, visitor)).orElseThrow();

            events.publishEvent(new OperatorTyping(ws, customer, Channel.WEBCHAT));
            assertThat(widget.await("typing").get("active")).isEqualTo(true);

            for (int i = 0; i < 5; i++) {
                widget.send(Map.of("type", "typing"));
            }
            widget.send(Map.of("type", "ping"));
            widget.await("pong");
            await().atMost(Duration.ofSeconds(5)).until(() -> !heard.isEmpty());
            assertThat(heard).containsExactly(new CustomerTyping(ws, customer, Channel.WEBCHAT));
        } finally {
            context.getBean(ApplicationEventMulticaster.class).removeApplicationListener(listener);
        }
    }

    private WebChatAccount chat(String name, String consent) {
        var tenant = workspaces.create(name);
        return accounts.create(Actor.system(tenant.workspace().id(), "test"), new WebChatForm("Сайт", null, consent, Map.of(), null));
    }
}
