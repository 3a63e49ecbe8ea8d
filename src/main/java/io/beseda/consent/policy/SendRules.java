package io.beseda.consent.policy;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.beseda.consent.Channel;
import io.beseda.consent.ConsentStatus;
import io.beseda.consent.DecisionReason;
import io.beseda.consent.MessageCategory;
import io.beseda.consent.SendDecision;

/**
 * The send policy's rules. They are applied in this order, and the first that denies decides:
 * <ol>
 *   <li>an erased customer is never messaged: deny, whatever the category;</li>
 *   <li>a channel the workspace's organisation type forbids (banks, state-owned companies and
 *       marketplaces may not use the restricted foreign messengers): deny, whatever the category;</li>
 *   <li>a suppressed customer or address: deny {@code SERVICE} and {@code MARKETING}; a {@code REPLY}
 *       still answers the customer who wrote;</li>
 *   <li>{@code MARKETING} needs a current marketing consent for the channel: deny when there never was
 *       one, deny with another reason when it was withdrawn;</li>
 *   <li>WhatsApp's 24-hour window: more than 24 hours after the customer last wrote on WhatsApp (or if
 *       they never did) only template messages may go: deny, whatever the category;</li>
 *   <li>frequency caps on {@code MARKETING} (per day and per week, across channels and per channel,
 *       rolling windows): a cap of 0 denies; a full window defers until it frees;</li>
 *   <li>quiet hours in the customer's time zone: {@code MARKETING} is deferred to their end;
 *       {@code SERVICE} goes through when the workspace allows service in quiet hours, else it is
 *       deferred; a {@code REPLY} always goes.</li>
 * </ol>
 * When caps and quiet hours both hold a message back, it is deferred to the first moment both allow:
 * the cap's moment, moved to the end of the quiet hours when it falls inside them. (A later moment
 * can only free the windows further, since no send is counted twice.) {@code REPLY} and
 * {@code SERVICE} are never counted against the caps.
 */
public final class SendRules {

    static final Duration WHATSAPP_WINDOW = Duration.ofHours(24);

    public SendDecision decide(PolicyRequest request, PolicySnapshot snapshot) {
        var denial = denial(request, snapshot);
        return denial != null ? denial : timing(request, snapshot);
    }

    private static @Nullable SendDecision denial(PolicyRequest request, PolicySnapshot snapshot) {
        var channel = request.channel();
        var category = request.category();
        if (snapshot.erased()) {
            return SendDecision.deny(DecisionReason.CUSTOMER_ERASED, "The customer's personal data was erased");
        }
        if (snapshot.settings().forbids(channel)) {
            return SendDecision.deny(DecisionReason.CHANNEL_FORBIDDEN, channel + " is a restricted messenger for a "
                    + snapshot.settings().organisationType() + " workspace");
        }
        if (snapshot.suppressed() && category != MessageCategory.REPLY) {
            return SendDecision.deny(DecisionReason.SUPPRESSED, "The customer or their address is suppressed for " + channel);
        }
        if (category == MessageCategory.MARKETING && snapshot.marketingConsent() != ConsentStatus.GRANTED) {
            return snapshot.marketingConsent() == ConsentStatus.WITHDRAWN
                    ? SendDecision.deny(DecisionReason.MARKETING_CONSENT_WITHDRAWN, "The customer withdrew marketing consent for " + channel)
                    : SendDecision.deny(DecisionReason.NO_MARKETING_CONSENT, "The customer never gave marketing consent for " + channel);
        }
        if (channel == Channel.WHATSAPP && !request.template() && !whatsAppWindowOpen(request.at(), snapshot.lastInbound())) {
            return SendDecision.deny(DecisionReason.WHATSAPP_WINDOW_CLOSED, (snapshot.lastInbound() == null
                    ? "The customer never wrote on WhatsApp"
                    : "The customer last wrote on WhatsApp at " + Moments.local(snapshot.lastInbound(), snapshot.zone()))
                    + "; outside the 24-hour window only template messages may be sent");
        }
        if (channel == Channel.MAX && snapshot.lastInbound() == null) {
            return SendDecision.deny(DecisionReason.MAX_CUSTOMER_NOT_WRITTEN,
                    "The customer never wrote to the bot on MAX; a MAX bot may write only after the customer wrote first");
        }
        return null;
    }

    private static boolean whatsAppWindowOpen(Instant at, @Nullable Instant lastInbound) {
        var end = whatsAppWindowEnd(lastInbound);
        return end != null && at.isBefore(end);
    }

    /** When WhatsApp's 24-hour window after the customer's last message closes; null when they never wrote. */
    public static @Nullable Instant whatsAppWindowEnd(@Nullable Instant lastInbound) {
        return lastInbound == null ? null : lastInbound.plus(WHATSAPP_WINDOW);
    }

    private static SendDecision timing(PolicyRequest request, PolicySnapshot snapshot) {
        var settings = snapshot.settings();
        var quiet = new QuietHours(settings.quietFrom(), settings.quietTo());
        return switch (request.category()) {
            case REPLY -> SendDecision.allow("Replies are held by neither caps nor quiet hours");
            case SERVICE -> !quiet.contains(request.at(), snapshot.zone()) ? SendDecision.allow("Service message outside quiet hours")
                    : settings.serviceInQuietHours() ? SendDecision.allow("The workspace lets service messages through in quiet hours")
                    : quietDeferral(request.at(), quiet, snapshot);
            case MARKETING -> marketingTiming(request, snapshot, quiet);
        };
    }

    private static SendDecision marketingTiming(PolicyRequest request, PolicySnapshot snapshot, QuietHours quiet) {
        var breach = FrequencyCaps.check(snapshot.settings(), snapshot.marketingSends(), request.channel(),
                request.at(), snapshot.zone());
        if (breach == null) {
            return quiet.contains(request.at(), snapshot.zone()) ? quietDeferral(request.at(), quiet, snapshot)
                    : SendDecision.allow("Marketing consent given, within caps, outside quiet hours");
        }
        if (breach.never()) {
            return SendDecision.deny(DecisionReason.MARKETING_CAP_ZERO, breach.detail());
        }
        var freeAt = breach.freeAt();
        if (!quiet.contains(freeAt, snapshot.zone())) {
            return SendDecision.defer(freeAt, breach.reason(), breach.detail());
        }
        var end = quiet.endAfter(freeAt, snapshot.zone());
        return SendDecision.defer(end, breach.reason(), breach.detail() + ", inside quiet hours " + quiet
                + ", so at " + Moments.local(end, snapshot.zone()));
    }

    private static SendDecision quietDeferral(Instant at, QuietHours quiet, PolicySnapshot snapshot) {
        var end = quiet.endAfter(at, snapshot.zone());
        return SendDecision.defer(end, DecisionReason.QUIET_HOURS, "Quiet hours " + quiet + " in the customer's time zone ("
                + Moments.local(at, snapshot.zone()) + "); deferred to " + Moments.local(end, snapshot.zone()));
    }
}
