package io.beseda.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import io.beseda.bot.nlu.IntentModel;
import io.beseda.bot.nlu.IntentModels;
import io.beseda.customer.CustomerId;
import io.beseda.workspace.WorkspaceId;
import io.beseda.workspace.Workspaces;

/**
 * The bot's side of a talk, one message at a time: greet and say what it can do; read the message (a
 * pressed button, or the intent model and its entities); carry on what it was waiting for (an order
 * number, a photo, a city, a card); answer from the shop's data, the knowledge base when no intent is
 * confident, and after two misunderstandings in a row offer an operator. «Оператор» at any point hands
 * over. Deciding has no side effects (the console's test chat runs the same code); {@link BotConversations}
 * carries an {@link Outcome} out.
 */
@Component
class Dialogue {

    static final int MISUNDERSTANDINGS_BEFORE_OPERATOR = 2;
    private static final Pattern HUMAN = Pattern.compile(
            "^\\W*(?:оператор[а-я]*|человек[а-я]*|живой\\s+человек|менеджер[а-я]*|консультант[а-я]*|сотрудник[а-я]*|operator|human)\\W*$",
            Pattern.UNICODE_CHARACTER_CLASS | Pattern.CASE_INSENSITIVE);

    private static final Pattern START = Pattern.compile("^\\s*/start(?:@\\w+)?(?:\\s+\\S*)?\\s*$", Pattern.UNICODE_CHARACTER_CLASS);

    private final BotSettings settings;
    private final IntentModels models;
    private final KnowledgeBase knowledge;
    private final OrderAnswers orders;
    private final StoreAnswers stores;
    private final ShopAnswers shop;
    private final Workspaces workspaces;

    Dialogue(BotSettings settings, IntentModels models, KnowledgeBase knowledge, OrderAnswers orders, StoreAnswers stores,
             ShopAnswers shop, Workspaces workspaces) {
        this.settings = settings;
        this.models = models;
        this.knowledge = knowledge;
        this.orders = orders;
        this.stores = stores;
        this.shop = shop;
        this.workspaces = workspaces;
    }

    Outcome respond(WorkspaceId workspace, CustomerId customer, Session session, Heard heard, boolean live) {
        var setup = settings.of(workspace);
        var said = new ArrayList<Said>();
        var reading = read(workspace, heard, setup.confidenceThreshold());
        var greetedNow = !session.greeted();
        if (greetedNow) {
            var shopName = workspaces.find(workspace).map(w -> w.name()).orElse("");
            // a bare hello gets the greeting with the buttons; a question gets the greeting, then its answer
            said.add(new Said(Phrases.fill(setup.text("greeting"), Map.of("shop", shopName)).replace("  ", " "),
                    reading.intent() == Intent.GREETING || heard.nothingToRead() ? Buttons.MAIN : List.of()));
            session = session.greetedNow();
        }
        var reply = reply(workspace, customer, setup, session, heard, reading, greetedNow, live);
        said.addAll(reply.said());
        var next = reply.next();
        var best = reading.best();
        var turn = new Outcome.Turn(reading.intent(), best.confidence(), reply.kind());
        Outcome.HandOff handOff = null;
        if (reply.handOff() != null) {
            next = next.waitingFor(null, null);
            handOff = new Outcome.HandOff(reply.handOff(), HandOffNote.write(reply.handOff(), next, heard, reading));
        }
        return new Outcome(said, next, turn, handOff, reply.returnRequest(), reading);
    }

    private IntentModel.Reading read(WorkspaceId workspace, Heard heard, double threshold) {
        var model = models.of(workspace);
        if (heard.buttonPayload() != null && heard.buttonPayload().startsWith(Buttons.PREFIX)) {
            var pressed = Intent.of(heard.buttonPayload().substring(Buttons.PREFIX.length()));
            if (pressed.isPresent()) {
                var reading = model.read(heard.text(), threshold);
                return new IntentModel.Reading(pressed.get(), List.of(new IntentModel.Scored(pressed.get(), 1.0)), reading.entities());
            }
        }
        if (HUMAN.matcher(heard.text()).matches()) {
            var reading = model.read(heard.text(), threshold);
            return new IntentModel.Reading(Intent.OPERATOR, List.of(new IntentModel.Scored(Intent.OPERATOR, 1.0)), reading.entities());
        }
        if (START.matcher(heard.text()).matches()) {
            // a messenger's "start" (Telegram's /start, a deep link's /start promo) opens the talk: a greeting
            return new IntentModel.Reading(Intent.GREETING, List.of(new IntentModel.Scored(Intent.GREETING, 1.0)), model.read("", threshold).entities());
        }
        return model.read(heard.text(), threshold);
    }

    private Reply reply(WorkspaceId workspace, CustomerId customer, BotSettings.Settings setup, Session session, Heard heard,
                        IntentModel.Reading reading, boolean greetedNow, boolean live) {
        var intent = reading.intent();
        var entities = reading.entities();
        if (intent == Intent.OPERATOR) {
            return Reply.handOff(session.tried("operator: клиент попросил оператора"), Outcome.Reason.ASKED, Said.text(setup.text("handoff")));
        }
        if (Buttons.REPHRASE.equals(heard.buttonPayload())) {
            return Reply.asked(session.waitingFor(null, null).understood(), new Said("Хорошо, спрашивайте — постараюсь понять.", List.of()));
        }
        // what the bot was waiting for comes first, unless the customer clearly moved on to something else
        var awaiting = session.awaiting();
        if (awaiting == Session.Awaiting.RETURN_PHOTO && heard.photos() > 0) {
            return Returns.photoReceived(setup, session, heard);
        }
        if (heard.nothingToRead() && !heard.attachments().isEmpty() || heard.nothingToRead() && !greetedNow) {
            return new Reply(List.of(new Said(setup.text("not_text"), Buttons.OPERATOR)), session.misunderstood().tried("—: сообщение без текста"),
                    Outcome.Kind.NOT_TEXT, null, null);
        }
        if (heard.nothingToRead()) {
            return Reply.asked(session);
        }
        if (heard.location() != null) {
            return stores.answer(workspace, setup, session, heard.text(), heard.location());
        }
        if (awaiting != null && (intent == null || intent == session.intent() || movesOn(awaiting, reading))) {
            switch (awaiting) {
                case ORDER -> {
                    if (entities.orderNumber() != null || entities.phone() != null) {
                        return orders.answer(workspace, customer, setup, session, entities, true);
                    }
                }
                case CITY -> {
                    if (entities.city() != null) {
                        return stores.answer(workspace, setup, session, heard.text(), null);
                    }
                }
                case CARD -> {
                    if (heard.text().chars().filter(Character::isDigit).count() >= 8) {
                        return shop.loyalty(workspace, customer, setup, session, heard.text(), live);
                    }
                }
                case RETURN_PHOTO -> {
                    if (intent == null || intent == Intent.RETURNS) {
                        return Returns.stillNeedPhoto(setup, session, heard, entities);
                    }
                }
                case OPERATOR_OFFER -> {
                }
            }
        }
        if (intent == null) {
            return notUnderstood(workspace, setup, session, heard);
        }
        var fresh = session.waitingFor(null, null);
        return switch (intent) {
            case ORDER_STATUS -> orders.answer(workspace, customer, setup, fresh, entities, false);
            case RETURNS -> Returns.start(setup, fresh, heard, entities);
            case STORE_LOCATOR -> stores.answer(workspace, setup, fresh, heard.text(), null);
            case OPENING_HOURS -> knowledgeFirst(workspace, fresh, heard).orElseGet(() -> stores.hours(workspace, setup, fresh));
            case PROMOTIONS -> shop.promotions(workspace, customer, setup, fresh);
            case LOYALTY_CARD -> shop.loyalty(workspace, customer, setup, fresh, heard.text(), live);
            case PRODUCT_SEARCH -> shop.products(workspace, setup, fresh, heard.text());
            case DELIVERY, PAYMENT, SIZE_ADVICE -> knowledgeFirst(workspace, fresh, heard).orElseGet(() ->
                    Reply.answered(fresh.understood().tried(intent.id() + ": ответ из текстов бота"), Said.text(setup.text(intent.id()))));
            case GREETING -> greetedNow ? Reply.answered(fresh.understood())
                    : Reply.answered(fresh.understood(), new Said(setup.text("greeting_again"), Buttons.MAIN));
            case THANKS -> Reply.answered(fresh.understood(), Said.text(setup.text("thanks")));
            case GOODBYE -> Reply.answered(fresh.understood(), Said.text(setup.text("goodbye")));
            case OPERATOR -> throw new IllegalStateException("handled above");
        };
    }

    /** An entity that fills what the bot waits for keeps the thread even when the model heard another intent. */
    private static boolean movesOn(Session.Awaiting awaiting, IntentModel.Reading reading) {
        var e = reading.entities();
        return switch (awaiting) {
            case ORDER -> (e.orderNumber() != null || e.phone() != null) && reading.best().confidence() < 0.8;
            case CITY -> e.city() != null && reading.intent() != Intent.PRODUCT_SEARCH;
            default -> false;
        };
    }

    /**
     * For the topics the bot answers with a general text, the shop's own entry wins when it plainly is the
     * question asked («можно примерить перед оплатой?» is about payment, and the shop has said exactly that).
     */
    private java.util.Optional<Reply> knowledgeFirst(WorkspaceId workspace, Session session, Heard heard) {
        return knowledge.answer(workspace, heard.text()).filter(match -> match.coverage() >= KnowledgeBase.CLOSE_MATCH)
                .map(match -> new Reply(List.of(Said.text(match.entry().answer())),
                        session.understood().tried("база знаний: «" + Phrases.clip(match.entry().question(), 80) + "»"),
                        Outcome.Kind.KNOWLEDGE, null, null));
    }

    private Reply notUnderstood(WorkspaceId workspace, BotSettings.Settings setup, Session session, Heard heard) {
        var match = knowledge.answer(workspace, heard.text());
        if (match.isPresent()) {
            return new Reply(List.of(Said.text(match.get().entry().answer())),
                    session.waitingFor(null, null).understood().tried("база знаний: «" + Phrases.clip(match.get().entry().question(), 80) + "»"),
                    Outcome.Kind.KNOWLEDGE, null, null);
        }
        var next = session.misunderstood().tried("не понял: «" + Phrases.clip(heard.text(), 80) + "»");
        if (session.awaiting() == Session.Awaiting.OPERATOR_OFFER || next.misunderstandings() > MISUNDERSTANDINGS_BEFORE_OPERATOR) {
            return Reply.handOff(next, Outcome.Reason.NOT_UNDERSTOOD, Said.text(setup.text("handoff")));
        }
        if (next.misunderstandings() >= MISUNDERSTANDINGS_BEFORE_OPERATOR) {
            return new Reply(List.of(new Said(setup.text("offer_operator"), Buttons.OFFER_OPERATOR)),
                    next.waitingFor(Session.Awaiting.OPERATOR_OFFER, null), Outcome.Kind.NOT_UNDERSTOOD, null, null);
        }
        return new Reply(List.of(new Said(setup.text("not_understood"), Buttons.MAIN)), next, Outcome.Kind.NOT_UNDERSTOOD, null, null);
    }
}
