package io.beseda.channel.webchat;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.beseda.channel.OperatorTyping;
import io.beseda.consent.Channel;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shows "Оператор печатает…" in the customer's open widgets. Typing is ephemeral: a plain synchronous
 * listener, nothing stored or republished; a notice that finds no open widget is simply gone.
 */
@Component
class TypingRelay {

    private final WebChatSessions sessions;
    private final String frame;

    TypingRelay(WebChatSessions sessions, JsonMapper json) {
        this.sessions = sessions;
        this.frame = json.writeValueAsString(new ServerFrames.Typing());
    }

    @EventListener
    void on(OperatorTyping typing) {
        if (typing.channel() == Channel.WEBCHAT) {
            sessions.ofCustomer(typing.workspaceId(), typing.customer()).forEach(session -> session.send(frame));
        }
    }
}
