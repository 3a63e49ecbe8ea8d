package io.beseda.channel.viber;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;

import org.jspecify.annotations.Nullable;

import io.beseda.channel.Attachment;
import io.beseda.channel.Attachments;
import io.beseda.channel.ChannelConnector;
import io.beseda.channel.Delivery;
import io.beseda.channel.SendResult;
import io.beseda.channel.WebhookUrls;
import io.beseda.customer.Customers;
import io.beseda.customer.IdentityKind;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends through one Viber bot. A delivery may take several Viber messages (files, then the text in parts);
 * each one Viber takes is recorded, so a send that failed part-way goes on where it stopped and the customer
 * never gets a part twice. The message Beseda follows for receipts is the last one (the text with the keyboard).
 */
class ViberConnector implements ChannelConnector {

    private final ViberSettings settings;
    private final ViberApi api;
    private final ViberSends sends;
    private final Attachments attachments;
    private final WebhookUrls urls;
    private final Customers customers;
    private final JsonMapper json;
    private final Clock clock;

    ViberConnector(ViberSettings settings, ViberApi api, ViberSends sends, Attachments attachments, WebhookUrls urls,
                   Customers customers, JsonMapper json, Clock clock) {
        this.settings = settings;
        this.api = api;
        this.sends = sends;
        this.attachments = attachments;
        this.urls = urls;
        this.customers = customers;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public SendResult send(Delivery delivery) {
        var receiver = receiver(delivery);
        if (receiver == null) {
            return new SendResult.Permanent("Viber: the customer has no Viber id with this bot (they never wrote to it)");
        }
        var files = new ArrayList<ViberMessages.PublicFile>();
        for (var attachment : delivery.attachments()) {
            var file = publicFile(delivery, attachment);
            if (file == null) {
                return new SendResult.Permanent("Viber: the file " + attachment.url() + " is not one this workspace keeps");
            }
            files.add(file);
        }
        var messages = ViberMessages.of(delivery, files, json);
        if (messages.size() > ViberSends.PER_HOUR) {
            return new SendResult.Permanent("Viber: the message takes " + messages.size() + " Viber messages, more than the "
                    + ViberSends.PER_HOUR + " a bot may send a user in an hour");
        }
        var sent = sends.sentParts(delivery);
        var now = clock.instant();
        var freeAt = sends.freeAt(delivery, messages.size() - sent.size(), now);
        if (freeAt != null) {
            return new SendResult.Transient("Viber: " + ViberSends.PER_HOUR + " messages to this user within an hour without an "
                    + "answer from them; the next may go at " + freeAt, Duration.between(now, freeAt));
        }
        String token = null;
        for (int part = 0; part < messages.size(); part++) {
            token = sent.get(part);
            if (token != null) {
                continue;
            }
            var body = new LinkedHashMap<String, Object>(messages.get(part));
            body.put("receiver", receiver);
            body.put("sender", settings.sender());
            switch (api.call(settings.authToken(), "send_message", body)) {
                case ViberApi.Reply.Ok ok -> {
                    token = ok.body().path("message_token").asString("");
                    if (token.isEmpty()) {
                        return new SendResult.Transient("Viber took the message but gave no message_token", null);
                    }
                    sends.record(delivery, part, token, clock.instant());
                }
                case ViberApi.Reply.Failed failed -> {
                    return refused(failed);
                }
                case ViberApi.Reply.Unavailable unavailable -> {
                    return new SendResult.Transient(unavailable.reason(), unavailable.retryAfter());
                }
            }
        }
        return new SendResult.Sent(java.util.Objects.requireNonNull(token));
    }

    /** Viber's refusals: a rate breach or a webhook not set yet pass; the rest will not. */
    static SendResult refused(ViberApi.Reply.Failed failed) {
        var reason = "Viber: " + failed.message() + (failed.status() == ViberApi.HTTP_REFUSED ? "" : " (" + failed.status() + ")");
        return switch (failed.status()) {
            case ViberApi.TOO_MANY_REQUESTS, ViberApi.MESSAGE_RATE_EXCEEDED -> new SendResult.Transient(reason, null);
            case ViberApi.WEBHOOK_NOT_SET -> new SendResult.Transient(reason
                    + "; Viber sends nothing until the webhook is registered (Настройки → Мессенджеры)", null);
            case ViberApi.RECEIVER_NOT_SUBSCRIBED -> new SendResult.Permanent(
                    "Viber: the customer is not subscribed to the bot (unsubscribed, or never wrote to it)");
            case ViberApi.INVALID_AUTH_TOKEN -> new SendResult.Permanent("Viber: the bot's token is not valid");
            default -> new SendResult.Permanent(reason);
        };
    }

    /** The address queued with the message, else the Viber user the customer last wrote from, else their only Viber id. */
    private @Nullable String receiver(Delivery delivery) {
        if (delivery.address() != null && !delivery.address().isBlank()) {
            return delivery.address();
        }
        var last = sends.lastSender(delivery);
        if (last != null) {
            return last;
        }
        var ids = customers.identities(delivery.workspaceId(), delivery.customer()).stream()
                .filter(identity -> identity.kind() == IdentityKind.VIBER).toList();
        return ids.size() == 1 ? ids.getFirst().value() : null;
    }

    /** Viber fetches files by URL: Beseda's public address of a file this workspace keeps. */
    private ViberMessages.@Nullable PublicFile publicFile(Delivery delivery, Attachment attachment) {
        var kept = attachments.fromUrl(delivery.workspaceId(), attachment.url()).orElse(null);
        if (kept == null) {
            return null;
        }
        var path = attachment.url().substring(attachment.url().indexOf("/files/"));
        var name = kept.name() != null && kept.name().contains(".") ? kept.name() : (kept.name() == null ? "file" : kept.name())
                + extension(kept.mimeType());
        return new ViberMessages.PublicFile(urls.base() + path, kept.mimeType(), kept.content().length, name);
    }

    private static String extension(String mimeType) {
        return switch (mimeType) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "image/gif" -> ".gif";
            case "image/webp" -> ".webp";
            case "application/pdf" -> ".pdf";
            default -> "";
        };
    }
}
