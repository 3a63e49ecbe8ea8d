package io.beseda.channel;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a text longer than a channel takes into parts of at most {@code max} characters: at a paragraph
 * break if one is in the second half of the part, else at a line break, else after a sentence, else at a
 * space; a word longer than a whole part is the only thing ever cut inside. Surrogate pairs stay whole.
 */
public final class TextSplitter {

    private TextSplitter() {
    }

    public static List<String> split(String text, int max) {
        if (max < 2) {
            throw new IllegalArgumentException("A part is at least 2 characters");
        }
        var parts = new ArrayList<String>();
        var rest = text.strip();
        while (rest.length() > max) {
            int cut = cut(rest, max);
            parts.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty() || parts.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    private static int cut(String text, int max) {
        int half = max / 2;
        for (var breaker : new String[] {"\n\n", "\n", ". ", "! ", "? ", "… ", " "}) {
            int at = text.lastIndexOf(breaker, max - breaker.length());
            if (at >= half) {
                return at + breaker.length();
            }
        }
        int at = text.lastIndexOf(' ', max);
        if (at > 0) {
            return at + 1;
        }
        return Character.isLowSurrogate(text.charAt(max)) ? max - 1 : max;
    }
}
