package io.beseda.bot;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.beseda.channel.InboundMessages;
import io.beseda.conversation.ConversationStatus;
import io.beseda.conversation.Conversations;
import io.beseda.conversation.HeldMessageReceived;
import io.beseda.workspace.Actor;

/**
 * Answers every message a customer writes in a conversation the bot holds, after it is stored, in a
 * transaction of its own: the session, what the bot says, the turn, a return request and the hand-off
 * (private note, then the conversation opens and goes through normal assignment) commit together, and a
 * message is answered once however often its event is delivered. A conversation an operator took in the
 * meantime is left alone.
 */
@Component
class BotConversations {

    static final String AUTHOR = "Бот";
    private static final Logger log = LoggerFactory.getLogger(BotConversations.class);

    private final Dialogue dialogue;
    private final BotSessions sessions;
    private final Conversations conversations;
    private final InboundMessages inbound;
    private final ReturnRequests returns;

    BotConversations(Dialogue dialogue, BotSessions sessions, Conversations conversations, InboundMessages inbound, ReturnRequests returns) {
        this.dialogue = dialogue;
        this.sessions = sessions;
        this.conversations = conversations;
        this.inbound = inbound;
        this.returns = returns;
    }

    @ApplicationModuleListener
    void on(HeldMessageReceived held) {
        var workspace = held.workspaceId();
        if (sessions.answered(held.messageId())
                || conversations.get(workspace, held.conversationId()).status() != ConversationStatus.PENDING) {
            return;
        }
        var message = inbound.find(workspace, held.inboundMessageId()).orElse(null);
        if (message == null) {
            log.warn("Held message {} is gone; the bot does not answer it", held.inboundMessageId());
            return;
        }
        var heard = new Heard(message.text() == null ? "" : message.text(), message.attachments(), message.buttonPayload(), message.location());
        var stored = sessions.current(workspace, held.conversationId());
        var outcome = dialogue.respond(workspace, held.customer(), stored.session(), heard, true);
        if (!sessions.turn(workspace, stored.id(), held.messageId(), outcome.turn())) {
            return;
        }
        var next = outcome.next();
        String requestNumber = null;
        if (outcome.returnRequest() != null) {
            var request = returns.open(workspace, held.customer(), held.conversationId(), outcome.returnRequest());
            requestNumber = String.valueOf(request.number());
            next = next.with("return", requestNumber);
        }
        int n = 0;
        for (var said : outcome.said()) {
            var text = requestNumber == null ? said.text() : Phrases.fill(said.text(), Map.of("number", requestNumber));
            conversations.botSays(workspace, held.conversationId(), AUTHOR, text, said.buttons(), "bot-" + held.messageId() + "-" + n++);
        }
        sessions.save(stored.id(), next, outcome.handOff() == null ? null : outcome.handOff().reason());
        if (outcome.handOff() != null) {
            var bot = Actor.system(workspace, AUTHOR);
            var note = outcome.handOff().note() + (requestNumber == null ? "" : "\nЗаявка на возврат № " + requestNumber + ".");
            conversations.note(bot, held.conversationId(), note);
            conversations.handOver(bot, held.conversationId());
        }
    }
}
