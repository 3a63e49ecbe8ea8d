package io.beseda.conversation.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.beseda.channel.Attachment;
import io.beseda.channel.MessageStatus;
import io.beseda.channel.QuickReply;
import io.beseda.consent.Channel;
import io.beseda.conversation.ConversationMessage.Direction;

/**
 * One entry of the thread as the console shows it: with its files, the buttons that went with it, and,
 * for a reply, where its delivery stands.
 *
 * @param delivery      the outbound message's status, for replies
 * @param failure       why a failed reply was not delivered, in the reader's words
 * @param buttonPayload what a customer's pressed button said, when the message was a button press
 */
record ThreadMessage(UUID id, Direction direction, @Nullable Channel channel, String text, @Nullable String author, Instant at,
                     @Nullable UUID outbound, @Nullable MessageStatus delivery, @Nullable String failure,
                     List<Attachment> attachments, List<QuickReply> quickReplies, @Nullable String buttonPayload) {

    public String css() {
        return "message " + direction.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Microseconds since the epoch: the page keeps the thread in this order when messages arrive live. */
    public long cursor() {
        return at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
    }

    public boolean link(Attachment attachment) {
        return linkable(attachment);
    }

    public boolean photo(Attachment attachment) {
        return thumbnail(attachment);
    }

    /** Only links Beseda keeps, or web links, are made clickable: a provider could hand us {@code javascript:}. */
    static boolean linkable(Attachment attachment) {
        var url = attachment.url();
        return url.startsWith("/files/") || url.startsWith("https://");
    }

    /** Photos Beseda keeps are shown as pictures; the console's CSP allows no others anyway. */
    static boolean thumbnail(Attachment attachment) {
        return attachment.image() && attachment.url().startsWith("/files/");
    }
}
