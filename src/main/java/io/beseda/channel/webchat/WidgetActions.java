package io.beseda.channel.webchat;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.beseda.channel.Attachments;
import io.beseda.channel.CustomerTyping;
import io.beseda.consent.Channel;
import io.beseda.customer.CustomerId;
import tools.jackson.databind.json.JsonMapper;

/** What each frame of a widget does, once the handler has read it. */
@Component
class WidgetActions {

    private final VisitorIdentities identities;
    private final VisitorMessages messages;
    private final WebChatHistory history;
    private final WebChatSessions sessions;
    private final WebChatReceipts receipts;
    private final Attachments attachments;
    private final WidgetTexts texts;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;

    WidgetActions(VisitorIdentities identities, VisitorMessages messages, WebChatHistory history, WebChatSessions sessions,
                  WebChatReceipts receipts, Attachments attachments, WidgetTexts texts, ApplicationEventPublisher events,
                  JsonMapper json) {
        this.identities = identities;
        this.messages = messages;
        this.history = history;
        this.sessions = sessions;
        this.receipts = receipts;
        this.attachments = attachments;
        this.texts = texts;
        this.events = events;
        this.json = json;
    }

    /** The first frame: the visitor says who they are (and maybe who the shop says they are); they get the chat. */
    void hello(WidgetSession session, ClientFrame frame) {
        if (session.visitorId() != null) {
            throw new WidgetRefusal("hello-twice");
        }
        var visitor = VisitorIdentities.visitorId(frame.visitorId());
        session.visitorId(visitor);
        session.customer(identities.known(session.account().workspaceId(), visitor).orElse(null));
        sessions.add(session);
        if (frame.identity() != null) {
            identify(session, frame.identity());
        } else {
            sendChat(session);
        }
    }

    /** A signed claim from the shop; a wrong signature links nothing and says so. */
    void identify(WidgetSession session, ClientFrame.Identify claim) {
        var account = session.account();
        var identified = identities.identify(account.workspaceId(), session.visitorId(), account.settings().identitySecret(), claim);
        sessions.remove(session);
        session.visitorId(identified.visitorId());
        session.customer(identified.customer());
        session.identified(identified.name());
        sessions.add(session);
        sendChat(session);
    }

    void post(WidgetSession session, ClientFrame frame, VisitorMessages.Origin origin) {
        var clientId = VisitorMessages.clientId(frame.clientId());
        if (!session.mayPost()) {
            throw new WidgetRefusal("rate", clientId);
        }
        var stored = messages.post(session.account(), session.visitorId(), session.name(), post(frame, clientId), origin);
        rebind(session, stored.customer());
        session.send(json.writeValueAsString(new ServerFrames.Status(clientId, stored.messageId().map(Object::toString).orElse(null),
                stored.messageId().isEmpty())));
        stored.messageId().ifPresent(id -> {
            var echo = json.writeValueAsString(ServerFrames.Message.in(id.toString(), clientId,
                    "button".equals(frame.type()) ? frame.title() : frame.text(), stored.attachments(), java.time.Instant.now()));
            sessions.of(session.account().workspaceId(), session.visitorId(), stored.customer()).stream()
                    .filter(other -> other != session).forEach(other -> other.send(echo));
        });
    }

    void typing(WidgetSession session) {
        var customer = session.customer();
        if (customer != null && session.typingDue()) {
            events.publishEvent(new CustomerTyping(session.account().workspaceId(), customer, Channel.WEBCHAT));
        }
    }

    void read(WidgetSession session) {
        var customer = session.customer();
        if (customer != null) {
            receipts.read(session.account().workspaceId(), customer);
        }
    }

    void history(WidgetSession session) {
        var customer = session.customer();
        var messages = customer == null ? List.<ServerFrames.Message>of() : history.of(session.account().workspaceId(), customer);
        session.send(json.writeValueAsString(new ServerFrames.History(messages)));
    }

    private static VisitorMessages.Post post(ClientFrame frame, String clientId) {
        if ("button".equals(frame.type())) {
            var payload = frame.payload();
            var title = frame.title();
            if (payload == null || payload.isBlank() || payload.length() > 256 || title == null || title.isBlank() || title.length() > 64) {
                throw new WidgetRefusal("button", clientId);
            }
            return new VisitorMessages.Post(clientId, title, List.of(), payload, Boolean.TRUE.equals(frame.consent()));
        }
        var urls = frame.attachments() == null ? List.<String>of() : frame.attachments();
        return new VisitorMessages.Post(clientId, frame.text(), urls, null, Boolean.TRUE.equals(frame.consent()));
    }

    private void rebind(WidgetSession session, CustomerId customer) {
        if (!customer.equals(session.customer())) {
            sessions.remove(session);
            session.customer(customer);
            sessions.add(session);
        }
    }

    private void sendChat(WidgetSession session) {
        var account = session.account();
        var settings = account.settings();
        var links = settings.orderedLinks().entrySet().stream()
                .map(e -> new ServerFrames.Link(e.getKey().name(), texts.link(e.getKey().name(), session.locale()), e.getValue()))
                .toList();
        var consentNeeded = messages.consentNeeded(account, session.customer());
        session.send(json.writeValueAsString(new ServerFrames.Ready(session.visitorId(), session.identified(), settings.greeting(), links,
                new ServerFrames.Consent(consentNeeded, consentNeeded ? settings.consentText() : null), attachments.maxBytes())));
        history(session);
    }
}
