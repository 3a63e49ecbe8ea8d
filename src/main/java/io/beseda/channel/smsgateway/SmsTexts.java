package io.beseda.channel.smsgateway;

import java.util.List;

import io.beseda.channel.QuickReply;

/**
 * What an SMS says for a message that carries more than text. SMS has neither files nor buttons, so files go as
 * their links (Beseda's file links need no login) and buttons as numbered lines the customer answers with a digit.
 */
final class SmsTexts {

    /** The longest text SMSC.ru takes in one request; it cuts that into segments itself. */
    static final int MAX_REQUEST = 1000;

    private SmsTexts() {
    }

    static String compose(String body, List<String> fileLinks, List<QuickReply> buttons) {
        var text = new StringBuilder(body.strip());
        for (var link : fileLinks) {
            text.append("\n").append(link);
        }
        if (!buttons.isEmpty()) {
            text.append("\n\nОтветьте цифрой:");
            for (int i = 0; i < buttons.size(); i++) {
                text.append("\n").append(i + 1).append(" — ").append(buttons.get(i).title());
            }
        }
        return text.toString();
    }
}
