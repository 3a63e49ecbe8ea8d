package io.beseda.channel.webchat;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The widget's end of the WebSocket: one JSON object per frame, in both directions (see {@link ClientFrame}
 * and {@link ServerFrames}). A frame that cannot be read, is too big, comes too fast or is refused gets an
 * error frame and the connection stays; only a wrong token or a foreign site ends it, with a close code
 * the widget knows not to retry (4401, 4403).
 */
@Component
class WebChatSocketHandler extends TextWebSocketHandler {

    /** The largest frame the handler reads, in characters: room for 4,096 characters of text fully escaped. */
    static final int MAX_FRAME = 32 * 1024;
    static final CloseStatus UNKNOWN_TOKEN = new CloseStatus(4401, "unknown token");
    static final CloseStatus FOREIGN_SITE = new CloseStatus(4403, "site not allowed");

    private static final Logger log = LoggerFactory.getLogger(WebChatSocketHandler.class);
    private static final String SESSION = "webchat.session";

    private final WebChatAccounts accounts;
    private final WidgetActions actions;
    private final WebChatSessions sessions;
    private final WidgetTexts texts;
    private final JsonMapper json;
    private final JsonMapper reader;

    WebChatSocketHandler(WebChatAccounts accounts, WidgetActions actions, WebChatSessions sessions, WidgetTexts texts,
                         JsonMapper json) {
        this.accounts = accounts;
        this.actions = actions;
        this.sessions = sessions;
        this.texts = texts;
        this.json = json;
        this.reader = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession socket) {
        var attributes = socket.getAttributes();
        var locale = WidgetTexts.of((String) attributes.get(WidgetHandshake.LANGUAGE));
        var account = accounts.byToken((String) attributes.getOrDefault(WidgetHandshake.TOKEN, ""));
        if (account.isEmpty()) {
            refuse(socket, locale, "token-unknown", UNKNOWN_TOKEN);
            return;
        }
        if (!Origins.allows(account.get().settings().allowedOrigins(), (String) attributes.get(WidgetHandshake.ORIGIN))) {
            refuse(socket, locale, "origin-forbidden", FOREIGN_SITE);
            return;
        }
        attributes.put(SESSION, new WidgetSession(socket, account.get(), locale));
    }

    @Override
    protected void handleTextMessage(WebSocketSession socket, TextMessage message) {
        if (!(socket.getAttributes().get(SESSION) instanceof WidgetSession session)) {
            return;
        }
        if (!session.mayAct()) {
            error(session, "rate", null);
            return;
        }
        if (message.getPayloadLength() > MAX_FRAME) {
            error(session, "frame-too-large", null);
            return;
        }
        var frame = read(message.getPayload());
        if (frame == null || frame.type() == null) {
            error(session, "malformed", null);
            return;
        }
        try {
            route(session, frame, socket);
        } catch (WidgetRefusal refusal) {
            error(session, refusal.code(), refusal.clientId());
        } catch (RuntimeException e) {
            log.warn("Web chat frame '{}' failed for account {}", frame.type(), session.account().id(), e);
            error(session, "internal", frame.clientId());
        }
    }

    private void route(WidgetSession session, ClientFrame frame, WebSocketSession socket) {
        var type = frame.type();
        if (!"hello".equals(type) && !"ping".equals(type) && session.visitorId() == null) {
            throw new WidgetRefusal("hello-first");
        }
        switch (type) {
            case "hello" -> actions.hello(session, frame);
            case "identify" -> actions.identify(session, frame.asIdentify());
            case "message", "button" -> actions.post(session, frame, origin(socket));
            case "typing" -> actions.typing(session);
            case "read" -> actions.read(session);
            case "history" -> actions.history(session);
            case "ping" -> session.send(json.writeValueAsString(new ServerFrames.Pong()));
            default -> throw new WidgetRefusal("unknown-type");
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) {
        if (socket.getAttributes().get(SESSION) instanceof WidgetSession session) {
            sessions.remove(session);
        }
    }

    @Override
    public void handleTransportError(WebSocketSession socket, Throwable exception) {
        log.debug("Web chat connection {} broke: {}", socket.getId(), exception.toString());
    }

    private @Nullable ClientFrame read(String payload) {
        try {
            return reader.readValue(payload, ClientFrame.class);
        } catch (JacksonException | IllegalArgumentException e) {
            return null;
        }
    }

    private static VisitorMessages.Origin origin(WebSocketSession socket) {
        var attributes = socket.getAttributes();
        return new VisitorMessages.Origin((String) attributes.get(WidgetHandshake.IP), (String) attributes.get(WidgetHandshake.DEVICE),
                (String) attributes.get(WidgetHandshake.ORIGIN));
    }

    private void error(WidgetSession session, String code, @Nullable String clientId) {
        session.send(json.writeValueAsString(new ServerFrames.Error(code, texts.error(code, session.locale()), clientId)));
    }

    private void refuse(WebSocketSession socket, Locale locale, String code, CloseStatus status) {
        try {
            socket.sendMessage(new TextMessage(json.writeValueAsString(new ServerFrames.Error(code, texts.error(code, locale), null))));
            socket.close(status);
        } catch (java.io.IOException | RuntimeException e) {
            log.debug("Could not tell a refused widget why: {}", e.toString());
        }
    }
}
