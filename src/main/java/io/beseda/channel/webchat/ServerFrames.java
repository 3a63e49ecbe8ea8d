package io.beseda.channel.webchat;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.beseda.channel.Attachment;
import io.beseda.channel.QuickReply;

/** The frames Beseda sends to a widget, each a JSON object with a {@code type}. */
final class ServerFrames {

    private ServerFrames() {
    }

    /** After hello: who the visitor is to us and how the account's chat looks. */
    record Ready(String type, String visitorId, boolean identified, @Nullable String greeting, List<Link> links,
                 Consent consent, long maxUploadBytes) {

        Ready(String visitorId, boolean identified, @Nullable String greeting, List<Link> links, Consent consent, long maxUploadBytes) {
            this("ready", visitorId, identified, greeting, links, consent, maxUploadBytes);
        }
    }

    record Link(String channel, String label, String url) {
    }

    /** @param required whether the next message must carry {@code consent: true} */
    record Consent(boolean required, @Nullable String text) {
    }

    /**
     * One message of the chat.
     *
     * @param direction {@code in} (the visitor wrote it) or {@code out} (the shop's operator or bot)
     * @param clientId  the widget's own id of an {@code in} message, so it can match what it sent
     */
    record Message(String type, String id, String direction, @Nullable String clientId, @Nullable String text,
                   List<Attachment> attachments, List<QuickReply> quickReplies, String at) {

        static Message in(String id, @Nullable String clientId, @Nullable String text, List<Attachment> attachments, Instant at) {
            return new Message("message", id, "in", clientId, text, attachments, List.of(), at.toString());
        }

        static Message out(String id, @Nullable String text, List<Attachment> attachments, List<QuickReply> quickReplies, Instant at) {
            return new Message("message", id, "out", null, text, attachments, quickReplies, at.toString());
        }
    }

    /** The last messages of the visitor's chat, oldest first; only the last may carry quick replies. */
    record History(String type, List<Message> messages) {

        History(List<Message> messages) {
            this("history", messages);
        }
    }

    /** What became of a message the visitor sent: {@code SENT} once it is stored (a resend is stored once). */
    record Status(String type, String clientId, String status, @Nullable String messageId, boolean duplicate) {

        Status(String clientId, @Nullable String messageId, boolean duplicate) {
            this("status", clientId, "SENT", messageId, duplicate);
        }
    }

    record Typing(String type, boolean active) {

        Typing() {
            this("typing", true);
        }
    }

    /** Something the widget asked for was refused; {@code message} is for the visitor, {@code code} for code. */
    record Error(String type, String code, String message, @Nullable String clientId) {

        Error(String code, String message, @Nullable String clientId) {
            this("error", code, message, clientId);
        }
    }

    record Pong(String type) {

        Pong() {
            this("pong");
        }
    }
}
