package io.beseda.consent;

import java.util.Locale;
import java.util.Set;

/**
 * Recognises a customer's refusal of marketing in an incoming message (126-FZ art. 44.1, 38-FZ art. 18):
 * «СТОП», «STOP», «ОТПИСАТЬСЯ», «отписка» in any case, with spaces, quotes and punctuation around
 * them («Стоп!», "stop.", «отписаться…»), also typed with Latin look-alike letters. Only a message that
 * is the word alone counts: «не стоп» or «стоп-кран» do not.
 */
public final class StopWords {

    private static final Set<String> WORDS = Set.of("стоп", "stop", "отписаться", "отписка");

    /** Latin letters that look like Cyrillic ones: phones' keyboards mix them («CTOП» typed half in Latin). */
    private static final String LATIN = "aceopxkmthby";
    private static final String CYRILLIC = "асеорхкмтнву";

    private StopWords() {
    }

    public static boolean isStop(String text) {
        var word = strip(text).toLowerCase(Locale.ROOT);
        return WORDS.contains(word) || WORDS.contains(asCyrillic(word));
    }

    private static String asCyrillic(String word) {
        var letters = word.toCharArray();
        for (var i = 0; i < letters.length; i++) {
            var at = LATIN.indexOf(letters[i]);
            if (at >= 0) {
                letters[i] = CYRILLIC.charAt(at);
            }
        }
        return new String(letters);
    }

    private static String strip(String text) {
        var start = 0;
        var end = text.length();
        while (start < end && ignorable(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && ignorable(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    /** Spaces, punctuation (including quotes and «»), symbols such as emoji. */
    private static boolean ignorable(int codePoint) {
        if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
            return true;
        }
        return switch (Character.getType(codePoint)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.OTHER_SYMBOL, Character.FORMAT -> true;
            default -> false;
        };
    }
}
