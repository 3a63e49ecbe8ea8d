package io.beseda.bot;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import io.beseda.bot.nlu.Entities;
import io.beseda.customer.CustomerId;
import io.beseda.workspace.WorkspaceId;

/**
 * The console's test chat: the shop's people talk to their bot as a customer would and see, for every
 * message, how it was read (intent, confidence, the runners-up, entities) and what the bot would say and
 * do. The same dialogue runs as in a real conversation, with nothing sent, stored or activated; the test
 * customer has no orders, cards or segments of their own.
 */
@Service
public class BotTestChat {

    /** One test conversation; keep it between messages (the console keeps it in the user's session). */
    public static final class Chat {
        private Session session = Session.fresh();
        private int messages;

        public int messages() {
            return messages;
        }
    }

    public record Guess(String intent, double confidence) {
    }

    public record Line(String text, List<String> buttons) {
    }

    /** What the bot made of one message and what it would do. */
    public record Turn(String heard, List<Line> said, @Nullable String intent, List<Guess> ranking, Entities entities, String outcome,
                       @Nullable String handOffReason, @Nullable String handOffNote) {
    }

    static final CustomerId TEST_CUSTOMER = new CustomerId(new UUID(0, 0));

    private final Dialogue dialogue;

    BotTestChat(Dialogue dialogue) {
        this.dialogue = dialogue;
    }

    public Turn say(WorkspaceId workspace, Chat chat, String text, @Nullable String button) {
        var heard = new Heard(text.length() > 10_000 ? text.substring(0, 10_000) : text, List.of(), button, null);
        var outcome = dialogue.respond(workspace, TEST_CUSTOMER, chat.session, heard, false);
        chat.session = outcome.handOff() == null ? outcome.next() : Session.fresh();
        chat.messages++;
        var said = outcome.said().stream()
                .map(s -> new Line(s.text(), s.buttons().stream().map(b -> b.title() + " → " + b.payload()).toList())).toList();
        var reading = outcome.turn();
        return new Turn(text, said, reading.intent() == null ? null : reading.intent().id(),
                outcome.reading().ranking().stream().limit(3).map(s -> new Guess(s.intent().id(), s.confidence())).toList(),
                outcome.reading().entities(), reading.kind().name(),
                outcome.handOff() == null ? null : outcome.handOff().reason().name(),
                outcome.handOff() == null ? null : outcome.handOff().note());
    }
}
