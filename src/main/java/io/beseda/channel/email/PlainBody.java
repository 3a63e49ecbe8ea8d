package io.beseda.channel.email;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.beseda.channel.QuickReply;

/** The text part of a mail: the message, its quick replies as lines to answer with, and the unsubscribe address. */
final class PlainBody {

    private PlainBody() {
    }

    static String of(String text, List<QuickReply> replies, @Nullable String unsubscribe) {
        var out = new StringBuilder(text.strip()).append("\n");
        if (!replies.isEmpty()) {
            out.append("\nОтветьте на это письмо одним из вариантов:\n");
            for (var reply : replies) {
                out.append("— ").append(reply.title()).append("\n");
            }
        }
        if (unsubscribe != null) {
            out.append("\n--\nОтписаться от рассылки: ").append(unsubscribe).append("\n");
        }
        return out.toString();
    }
}
