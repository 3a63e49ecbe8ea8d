package io.beseda.channel.whatsapp;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.beseda.channel.Attachment;
import io.beseda.channel.QuickReply;
import io.beseda.channel.TextSplitter;

/**
 * How one Beseda message becomes WhatsApp messages, in the order the customer sees them. WhatsApp's limits:
 * text 4,096 characters; a caption or an interactive message's body 1,024; at most 3 reply buttons of 20
 * characters each; a list of at most 10 rows (titles 24, descriptions 72 characters). So: buttons that fit
 * become reply buttons (under a photo when there is one), others a list; long text goes first in parts, and
 * the last part (at most 1,024 characters) carries the buttons; without buttons a short text is the first
 * file's caption.
 */
final class Outgoing {

    static final int MAX_TEXT = 4096;
    static final int MAX_CAPTION = 1024;
    static final int MAX_BUTTONS = 3;
    static final int MAX_BUTTON_TITLE = 20;
    static final int MAX_BUTTON_ID = 256;
    static final int MAX_ROWS = 10;
    static final int MAX_ROW_TITLE = 24;
    static final int MAX_ROW_DESCRIPTION = 72;
    static final int MAX_ROW_ID = 200;
    /** WhatsApp shows JPEG and PNG up to 5 MB as photos; anything else Beseda keeps goes as a document. */
    static final long MAX_IMAGE_BYTES = 5L * 1024 * 1024;

    /** One WhatsApp message to send. */
    sealed interface Part {
    }

    record Text(String body) implements Part {
    }

    record File(Attachment attachment, @Nullable String caption) implements Part {
    }

    record Buttons(String body, @Nullable Attachment header, List<QuickReply> replies) implements Part {
    }

    record Menu(String body, List<QuickReply> replies) implements Part {
    }

    private Outgoing() {
    }

    /** @throws IllegalArgumentException for buttons WhatsApp cannot carry (a payload too long for a list row) */
    static List<Part> plan(String body, List<Attachment> attachments, List<QuickReply> replies) {
        var text = body.strip();
        var parts = new ArrayList<Part>();
        if (replies.isEmpty()) {
            var chunks = text.isEmpty() ? List.<String>of() : TextSplitter.split(text, MAX_TEXT);
            var captioned = !attachments.isEmpty() && chunks.size() == 1 && chunks.getFirst().length() <= MAX_CAPTION;
            if (!captioned) {
                chunks.forEach(chunk -> parts.add(new Text(chunk)));
            }
            for (int i = 0; i < attachments.size(); i++) {
                parts.add(new File(attachments.get(i), captioned && i == 0 ? chunks.getFirst() : null));
            }
            return parts;
        }
        var asButtons = fitsButtons(replies);
        if (!asButtons) {
            checkRows(replies);
        }
        var header = asButtons ? attachments.stream().filter(Outgoing::showsAsPhoto).findFirst().orElse(null) : null;
        attachments.stream().filter(a -> a != header).forEach(a -> parts.add(new File(a, null)));
        var chunks = new ArrayList<>(TextSplitter.split(text, MAX_TEXT));
        var last = chunks.removeLast();
        if (last.length() > MAX_CAPTION) {
            var pieces = new ArrayList<>(TextSplitter.split(last, MAX_CAPTION));
            last = pieces.removeLast();
            chunks.addAll(pieces);
        }
        chunks.forEach(chunk -> parts.add(new Text(chunk)));
        parts.add(asButtons ? new Buttons(last, header, replies) : new Menu(last, replies));
        return parts;
    }

    static boolean showsAsPhoto(Attachment attachment) {
        return ("image/jpeg".equals(attachment.mimeType()) || "image/png".equals(attachment.mimeType()))
                && attachment.size() <= MAX_IMAGE_BYTES;
    }

    private static boolean fitsButtons(List<QuickReply> replies) {
        return replies.size() <= MAX_BUTTONS && replies.stream()
                .allMatch(r -> r.title().length() <= MAX_BUTTON_TITLE && r.payload().length() <= MAX_BUTTON_ID);
    }

    private static void checkRows(List<QuickReply> replies) {
        if (replies.size() > MAX_ROWS) {
            throw new IllegalArgumentException("WhatsApp lists at most " + MAX_ROWS + " choices; the message has " + replies.size());
        }
        for (var reply : replies) {
            if (reply.payload().length() > MAX_ROW_ID) {
                throw new IllegalArgumentException("A WhatsApp list row's payload is at most " + MAX_ROW_ID
                        + " characters; «" + reply.title() + "» has " + reply.payload().length());
            }
        }
    }

    /** A row's title: the button's title when it fits, else cut with «…» (the whole title is the row's description). */
    static String rowTitle(QuickReply reply) {
        return clip(reply.title(), MAX_ROW_TITLE);
    }

    static @Nullable String rowDescription(QuickReply reply) {
        return reply.title().length() <= MAX_ROW_TITLE ? null : clip(reply.title(), MAX_ROW_DESCRIPTION);
    }

    static String clip(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        var cut = max - 1;
        if (Character.isLowSurrogate(text.charAt(cut))) {
            cut--;
        }
        return text.substring(0, cut).stripTrailing() + "…";
    }
}
