package io.beseda.conversation;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Words Beseda itself writes into threads and to customers (transfer notes, the CSAT question, the
 * auto-reply's author). They are stored once, so they are written in the shop's language: Russian.
 */
@Component
class ThreadTexts {

    private static final Locale SHOP = Locale.forLanguageTag("ru");

    private final MessageSource messages;

    ThreadTexts(MessageSource messages) {
        this.messages = messages;
    }

    String text(String code, Object... args) {
        return messages.getMessage(code, args, SHOP);
    }
}
