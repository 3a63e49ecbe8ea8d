package io.beseda.conversation;

import java.util.Locale;
import java.util.regex.Pattern;

/** What an admin writes: a shortcut (lower-case letters, digits, _ and -, up to 32), a title and a Liquid body. */
public record CannedReplyDraft(String shortcut, String title, String body) {

    public static final Pattern SHORTCUT = Pattern.compile("[a-z0-9а-яё_-]{1,32}");
    public static final int MAX_TITLE = 100;
    public static final int MAX_BODY = 4096;

    public CannedReplyDraft {
        shortcut = shortcut.strip().toLowerCase(Locale.ROOT);
        title = title.strip();
        body = body.strip();
        if (!SHORTCUT.matcher(shortcut).matches()) {
            throw new InvalidTemplateException("shortcut", "A shortcut is 1 to 32 lower-case letters, digits, _ or -");
        }
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            throw new InvalidTemplateException("title", "A title is 1 to " + MAX_TITLE + " characters");
        }
        if (body.isEmpty() || body.length() > MAX_BODY) {
            throw new InvalidTemplateException("body", "The text is 1 to " + MAX_BODY + " characters");
        }
    }
}
