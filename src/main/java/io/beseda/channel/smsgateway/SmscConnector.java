package io.beseda.channel.smsgateway;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.beseda.channel.Attachments;
import io.beseda.channel.ChannelConnector;
import io.beseda.channel.Delivery;
import io.beseda.channel.SendResult;
import io.beseda.channel.SentParts;
import io.beseda.channel.TextSplitter;
import io.beseda.channel.WebhookUrls;
import io.beseda.consent.MessageCategory;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.customer.IdentityKind;

/**
 * Sends through one SMSC.ru account. The text goes whole (SMSC.ru cuts it into SMS segments); only a text longer
 * than SMSC.ru takes in one request is split, each part recorded so a retry never sends a part twice. Files go as
 * links and buttons as numbered lines (SMS has neither). The id Beseda follows for receipts is the last part's.
 */
class SmscConnector implements ChannelConnector {

    private final SmscSettings settings;
    private final SmscApi api;
    private final SmsSends sends;
    private final SentParts sentParts;
    private final Attachments attachments;
    private final WebhookUrls urls;
    private final Customers customers;
    private final Clock clock;

    SmscConnector(SmscSettings settings, SmscApi api, SmsSends sends, SentParts sentParts, Attachments attachments, WebhookUrls urls,
                  Customers customers, Clock clock) {
        this.sentParts = sentParts;
        this.settings = settings;
        this.api = api;
        this.sends = sends;
        this.attachments = attachments;
        this.urls = urls;
        this.customers = customers;
        this.clock = clock;
    }

    @Override
    public SendResult send(Delivery delivery) {
        var phone = phone(delivery);
        if (phone == null) {
            return new SendResult.Permanent("SMS: the customer has no valid phone number");
        }
        var marketing = delivery.category() == MessageCategory.MARKETING;
        var sender = marketing ? settings.marketingSender() : settings.sender();
        if (sender == null || sender.isBlank()) {
            return new SendResult.Permanent("SMS: no sender name for advertising traffic is set for this SMSC.ru account "
                    + "(Настройки → Мессенджеры), and operators refuse or fine advertising sent under a service name");
        }
        var links = new ArrayList<String>();
        for (var attachment : delivery.attachments()) {
            if (attachments.fromUrl(delivery.workspaceId(), attachment.url()).isEmpty()) {
                return new SendResult.Permanent("SMS: the file " + attachment.url() + " is not one this workspace keeps");
            }
            links.add(urls.base() + attachment.url().substring(attachment.url().indexOf("/files/")));
        }
        var parts = TextSplitter.split(SmsTexts.compose(delivery.body(), links, delivery.quickReplies()), SmsTexts.MAX_REQUEST);
        var sent = sentParts.of(delivery.workspaceId(), delivery.messageId());
        String id = null;
        for (int part = 0; part < parts.size(); part++) {
            id = sent.get(part);
            if (id != null) {
                continue;
            }
            switch (api.send(settings.apiKey(), phone, parts.get(part), sender)) {
                case SmscApi.Reply.Ok ok -> {
                    var smscId = ok.body().path("id").asString("");
                    if (smscId.isBlank()) {
                        return new SendResult.Transient("SMSC.ru took the message but gave no id", null);
                    }
                    id = providerMessageId(smscId, phone);
                    sentParts.record(delivery.workspaceId(), delivery.messageId(), part, id);
                }
                case SmscApi.Reply.Failed failed -> {
                    return refused(failed);
                }
                case SmscApi.Reply.Unavailable unavailable -> {
                    return new SendResult.Transient(unavailable.reason(), unavailable.retryAfter());
                }
            }
        }
        if (!delivery.quickReplies().isEmpty()) {
            sends.offer(delivery.account(), phone, delivery.quickReplies(), clock.instant());
        }
        return new SendResult.Sent(Objects.requireNonNull(id));
    }

    /**
     * SMSC.ru numbers messages per client and reports a status by id and phone: the two together are the id Beseda
     * keeps, so the status callback (which carries both) finds the message.
     */
    static String providerMessageId(String smscId, String e164) {
        return smscId + ":" + e164.replace("+", "");
    }

    /** SMSC.ru's refusals: a balance to top up, a blocked IP or too many requests pass; the rest will not. */
    static SendResult refused(SmscApi.Reply.Failed failed) {
        var said = "SMSC.ru: " + failed.message() + (failed.code() == SmscApi.HTTP_REFUSED ? "" : " (error " + failed.code() + ")");
        return switch (failed.code()) {
            case SmscApi.NO_MONEY -> new SendResult.Transient(said + "; top up the SMSC.ru balance, Beseda tries again",
                    Duration.ofMinutes(15));
            case SmscApi.IP_BLOCKED -> new SendResult.Transient(said + "; SMSC.ru blocked Beseda's address for a while after "
                    + "repeated errors", Duration.ofMinutes(10));
            case SmscApi.TOO_MANY_REQUESTS -> new SendResult.Transient(said + "; too many requests at once", Duration.ofMinutes(1));
            case SmscApi.BAD_CREDENTIALS -> new SendResult.Permanent("SMSC.ru did not accept the API key (or Beseda's address "
                    + "is not among the account's allowed IPs)");
            case SmscApi.BAD_PHONE -> new SendResult.Permanent("SMSC.ru: the phone number is not valid");
            case SmscApi.UNDELIVERABLE -> new SendResult.Permanent("SMSC.ru: messages to this number cannot be delivered");
            case SmscApi.FORBIDDEN_MESSAGE -> new SendResult.Permanent(said + "; the text or the sender name is not allowed "
                    + "(is the sender name registered for this traffic?)");
            default -> new SendResult.Permanent(said);
        };
    }

    /** The address queued with the message, else the customer's only phone; in E.164. */
    private @Nullable String phone(Delivery delivery) {
        if (delivery.address() != null && !delivery.address().isBlank()) {
            var identity = Identity.phone(delivery.address());
            return identity.valid() ? identity.value() : null;
        }
        List<Identity> phones = customers.identities(delivery.workspaceId(), delivery.customer()).stream()
                .filter(identity -> identity.kind() == IdentityKind.PHONE && identity.valid()).toList();
        return phones.size() == 1 ? phones.getFirst().value() : null;
    }
}
