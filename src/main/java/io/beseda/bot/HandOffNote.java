package io.beseda.bot;

import java.util.ArrayList;
import java.util.Map;

import io.beseda.bot.nlu.IntentModel;

/**
 * The private note an operator finds when the bot hands over: why, what the customer wanted, what the bot
 * tried, and what it collected — so nobody asks the customer again.
 */
final class HandOffNote {

    private static final Map<String, String> COLLECTED = Map.of("order", "заказ", "phone", "телефон", "city", "город", "card", "карта",
            "photos", "фото", "problem", "проблема со слов клиента", "problem_more", "добавил", "return", "заявка на возврат №");

    private HandOffNote() {
    }

    static String write(Outcome.Reason reason, Session session, Heard heard, IntentModel.Reading reading) {
        var note = new StringBuilder("Бот передал разговор оператору. Причина: ").append(switch (reason) {
            case ASKED -> "клиент попросил оператора";
            case NOT_UNDERSTOOD -> "бот несколько раз не понял вопрос";
            case RETURN -> "возврат или обмен — нужен сотрудник";
            case LOST_CARD -> "бонусную карту нужно заменить или проверить";
        }).append('.');
        var wanted = session.intent() != null ? session.intent() : reading.intent();
        if (wanted != null && wanted != Intent.OPERATOR) {
            note.append("\nКлиент хотел: ").append(IntentNames.RU.get(wanted)).append('.');
        }
        if (!heard.text().isBlank()) {
            note.append("\nПоследнее сообщение: «").append(Phrases.clip(heard.text(), 300)).append("».");
        }
        if (!session.tried().isEmpty()) {
            note.append("\nБот пробовал:");
            session.tried().forEach(t -> note.append("\n• ").append(t));
        }
        var collected = new ArrayList<String>();
        session.collected().forEach((key, value) -> collected.add(COLLECTED.getOrDefault(key, key) + ": " + value));
        if (!collected.isEmpty()) {
            note.append("\nСобрано:");
            collected.forEach(c -> note.append("\n• ").append(c));
        }
        return note.toString();
    }
}
