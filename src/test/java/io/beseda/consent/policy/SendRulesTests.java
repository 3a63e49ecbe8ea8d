package io.beseda.consent.policy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.beseda.consent.Channel;
import io.beseda.consent.DecisionReason;
import io.beseda.consent.MessageCategory;
import io.beseda.consent.SendDecision.Outcome;

import static io.beseda.consent.Channel.EMAIL;
import static io.beseda.consent.Channel.PUSH;
import static io.beseda.consent.Channel.SMS;
import static io.beseda.consent.Channel.TELEGRAM;
import static io.beseda.consent.Channel.VK;
import static io.beseda.consent.Channel.WHATSAPP;
import static io.beseda.consent.ConsentStatus.NONE;
import static io.beseda.consent.ConsentStatus.WITHDRAWN;
import static io.beseda.consent.DecisionReason.*;
import static io.beseda.consent.MessageCategory.MARKETING;
import static io.beseda.consent.MessageCategory.REPLY;
import static io.beseda.consent.MessageCategory.SERVICE;
import static io.beseda.consent.OrganisationType.BANK;
import static io.beseda.consent.OrganisationType.MARKETPLACE;
import static io.beseda.consent.OrganisationType.STATE_OWNED;
import static io.beseda.consent.policy.Given.MOSCOW;
import static io.beseda.consent.policy.Given.ago;
import static io.beseda.consent.policy.Given.customer;
import static io.beseda.consent.policy.Given.later;
import static io.beseda.consent.policy.Given.now;
import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static org.assertj.core.api.Assertions.assertThat;

/** Every rule of the send policy, one row per behaviour, then rows where several rules apply at once. */
class SendRulesTests {

    private final SendRules rules = new SendRules();

    @ParameterizedTest(name = "{0}")
    @MethodSource({"eachRule", "ruleOrder"})
    void decides(String behaviour, Given given, Channel channel, MessageCategory category, Instant at, boolean template,
                 Outcome outcome, DecisionReason reason, @Nullable Instant deferUntil) {
        var decision = rules.decide(new PolicyRequest(channel, category, at, template), given.snapshot());

        assertThat(decision.outcome()).as(decision.detail()).isEqualTo(outcome);
        assertThat(decision.reason()).as(decision.detail()).isEqualTo(reason);
        assertThat(decision.deferUntil()).as(decision.detail()).isEqualTo(deferUntil);
        assertThat(decision.detail()).isNotBlank();
    }

    static Stream<Arguments> eachRule() {
        return Stream.of(
                allowed("marketing with consent, within caps, at noon goes", customer(), EMAIL, MARKETING),
                denied("an erased customer gets no reply", customer().erased(), SMS, REPLY, CUSTOMER_ERASED),
                denied("an erased customer gets no service message", customer().erased(), SMS, SERVICE, CUSTOMER_ERASED),
                denied("a bank may not reply on Telegram", customer().organisation(BANK), TELEGRAM, REPLY, CHANNEL_FORBIDDEN),
                denied("a state-owned company may not use WhatsApp", customer().organisation(STATE_OWNED).wroteOnWhatsApp(ago(ofHours(1))),
                        WHATSAPP, SERVICE, CHANNEL_FORBIDDEN),
                allowed("a bank may send SMS", customer().organisation(BANK), SMS, SERVICE),
                allowed("an ordinary shop may use Telegram", customer(), TELEGRAM, MARKETING),
                denied("a marketplace's edited list forbids VK", customer().organisation(MARKETPLACE).restricted(VK), VK, REPLY, CHANNEL_FORBIDDEN),
                allowed("a marketplace's edited list no longer forbids Telegram", customer().organisation(MARKETPLACE).restricted(VK), TELEGRAM, REPLY),
                denied("a suppressed address gets no service message", customer().suppressed(), EMAIL, SERVICE, SUPPRESSED),
                denied("a suppressed address gets no marketing", customer().suppressed(), EMAIL, MARKETING, SUPPRESSED),
                allowed("a suppressed customer who wrote still gets a reply", customer().suppressed(), EMAIL, REPLY),
                denied("marketing without consent is denied", customer().consent(NONE), SMS, MARKETING, NO_MARKETING_CONSENT),
                denied("marketing after a withdrawal is denied", customer().consent(WITHDRAWN), SMS, MARKETING, MARKETING_CONSENT_WITHDRAWN),
                allowed("service messages need no marketing consent", customer().consent(WITHDRAWN), SMS, SERVICE),
                denied("WhatsApp 25 h after the customer wrote refuses free text", customer().wroteOnWhatsApp(ago(ofHours(25))),
                        WHATSAPP, REPLY, WHATSAPP_WINDOW_CLOSED),
                denied("WhatsApp exactly 24 h after the customer wrote refuses free text", customer().wroteOnWhatsApp(ago(ofHours(24))),
                        WHATSAPP, SERVICE, WHATSAPP_WINDOW_CLOSED),
                denied("WhatsApp to a customer who never wrote refuses free text", customer(), WHATSAPP, MARKETING, WHATSAPP_WINDOW_CLOSED),
                denied("MAX to a customer who never wrote to the bot is refused", customer(), Channel.MAX, REPLY, DecisionReason.MAX_CUSTOMER_NOT_WRITTEN),
                row("WhatsApp outside the window takes a template", customer(), WHATSAPP, MARKETING, now(), true, Outcome.ALLOW, ALLOWED, null),
                allowed("WhatsApp 23 h after the customer wrote takes free text", customer().wroteOnWhatsApp(ago(ofHours(23))), WHATSAPP, REPLY),
                deferred("the daily cap across channels defers until the oldest send leaves the 24 h window",
                        customer().sent(SMS, ago(ofHours(20))).sent(EMAIL, ago(ofHours(3))), PUSH, MARKETING, DAILY_CAP, later(ofHours(4))),
                allowed("a send exactly 24 h ago no longer counts", customer().sent(SMS, ago(ofHours(24))).sent(EMAIL, ago(ofHours(3))), PUSH, MARKETING),
                deferred("the daily cap per channel defers that channel",
                        customer().sent(SMS, ago(ofHours(2))), SMS, MARKETING, CHANNEL_DAILY_CAP, later(ofHours(22))),
                allowed("the daily cap per channel leaves other channels free", customer().sent(SMS, ago(ofHours(10))), EMAIL, MARKETING),
                deferred("the weekly cap across channels defers until the oldest send leaves the 7-day window",
                        customer().sent(SMS, ago(ofDays(6))).sent(EMAIL, ago(ofDays(5))).sent(PUSH, ago(ofDays(4)))
                                .sent(TELEGRAM, ago(ofDays(3))).sent(VK, ago(ofDays(2))), SMS, MARKETING, WEEKLY_CAP, later(ofDays(1))),
                deferred("the weekly cap per channel defers that channel",
                        customer().sent(EMAIL, ago(ofDays(6).plusHours(2))).sent(EMAIL, ago(ofDays(4))).sent(EMAIL, ago(ofDays(2))),
                        EMAIL, MARKETING, CHANNEL_WEEKLY_CAP, later(ofHours(22))),
                deferred("the cap that frees last decides", customer().caps(1, 5, 1, 3).sent(SMS, ago(ofHours(2))).sent(EMAIL, ago(ofHours(1))),
                        SMS, MARKETING, DAILY_CAP, later(ofHours(23))),
                denied("a daily cap of 0 stops marketing", customer().caps(0, 5, 1, 3), SMS, MARKETING, MARKETING_CAP_ZERO),
                denied("a per-channel cap of 0 stops marketing in every channel", customer().caps(2, 5, 1, 0), EMAIL, MARKETING, MARKETING_CAP_ZERO),
                allowed("caps never hold service messages", customer().caps(0, 0, 0, 0).sent(SMS, ago(ofHours(1))), SMS, SERVICE),
                allowed("caps never hold replies", customer().sent(SMS, ago(ofHours(1))).sent(SMS, ago(ofHours(2))), SMS, REPLY),
                deferred("marketing at 22:00 waits for 09:00 the next morning", customer(), SMS, MARKETING, at(MOSCOW, 10, 22, 0), false,
                        QUIET_HOURS, at(MOSCOW, 11, 9, 0)),
                deferred("marketing at 08:59 waits one minute", customer(), SMS, MARKETING, at(MOSCOW, 10, 8, 59), false,
                        QUIET_HOURS, at(MOSCOW, 10, 9, 0)),
                row("marketing at 09:00 goes", customer(), SMS, MARKETING, at(MOSCOW, 10, 9, 0), false, Outcome.ALLOW, ALLOWED, null),
                row("marketing at 20:59 goes", customer(), SMS, MARKETING, at(MOSCOW, 10, 20, 59), false, Outcome.ALLOW, ALLOWED, null),
                deferred("marketing at 21:00 waits", customer(), SMS, MARKETING, at(MOSCOW, 10, 21, 0), false, QUIET_HOURS, at(MOSCOW, 11, 9, 0)),
                row("service at 23:00 goes when the workspace allows it", customer(), SMS, SERVICE, at(MOSCOW, 10, 23, 0), false,
                        Outcome.ALLOW, ALLOWED, null),
                deferred("service at 23:00 waits when the workspace does not allow it", customer().noServiceInQuietHours(), SMS, SERVICE,
                        at(MOSCOW, 10, 23, 0), false, QUIET_HOURS, at(MOSCOW, 11, 9, 0)),
                row("a reply at 03:00 goes", customer().noServiceInQuietHours(), SMS, REPLY, at(MOSCOW, 10, 3, 0), false,
                        Outcome.ALLOW, ALLOWED, null),
                row("equal ends mean no quiet hours", customer().quietHours("00:00", "00:00"), SMS, MARKETING, at(MOSCOW, 10, 23, 0), false,
                        Outcome.ALLOW, ALLOWED, null),
                deferred("quiet hours within one day (13:00–15:00) end the same day", customer().quietHours("13:00", "15:00"), SMS, MARKETING,
                        at(MOSCOW, 10, 14, 0), false, QUIET_HOURS, at(MOSCOW, 10, 15, 0)));
    }

    static Stream<Arguments> ruleOrder() {
        return Stream.of(
                denied("erasure comes before everything", customer().erased().organisation(BANK).suppressed().consent(NONE),
                        TELEGRAM, MARKETING, CUSTOMER_ERASED),
                denied("a forbidden channel comes before suppression", customer().organisation(BANK).suppressed().consent(WITHDRAWN),
                        WHATSAPP, MARKETING, CHANNEL_FORBIDDEN),
                denied("suppression comes before consent", customer().suppressed().consent(WITHDRAWN), SMS, MARKETING, SUPPRESSED),
                denied("consent comes before the WhatsApp window", customer().consent(WITHDRAWN), WHATSAPP, MARKETING,
                        MARKETING_CONSENT_WITHDRAWN),
                denied("the WhatsApp window comes before caps", customer().caps(0, 0, 0, 0), WHATSAPP, MARKETING, WHATSAPP_WINDOW_CLOSED),
                denied("a zero cap denies even in quiet hours", customer().caps(2, 5, 0, 3), SMS, MARKETING, at(MOSCOW, 10, 23, 0),
                        MARKETING_CAP_ZERO),
                deferred("a cap freeing at 07:00 inside quiet hours defers to 09:00", customer().sent(SMS, at(MOSCOW, 9, 7, 0)), SMS, MARKETING,
                        at(MOSCOW, 10, 6, 0), false, CHANNEL_DAILY_CAP, at(MOSCOW, 10, 9, 0)),
                deferred("quiet hours ending before the cap frees defer to the cap's moment", customer().sent(SMS, at(MOSCOW, 9, 11, 0)), SMS,
                        MARKETING, at(MOSCOW, 10, 8, 0), false, CHANNEL_DAILY_CAP, at(MOSCOW, 10, 11, 0)),
                deferred("a cap freeing in tomorrow's quiet hours defers to the morning after",
                        customer().sent(EMAIL, at(MOSCOW, 10, 22, 30)), EMAIL, MARKETING, at(MOSCOW, 10, 23, 0), false,
                        CHANNEL_DAILY_CAP, at(MOSCOW, 12, 9, 0)));
    }

    /** A moment on a March 2026 day, local time in {@code zone}. */
    static Instant at(ZoneId zone, int day, int hour, int minute) {
        return ZonedDateTime.of(2026, 3, day, hour, minute, 0, 0, zone).toInstant();
    }

    private static Arguments allowed(String name, Given given, Channel channel, MessageCategory category) {
        return row(name, given, channel, category, now(), false, Outcome.ALLOW, ALLOWED, null);
    }

    private static Arguments denied(String name, Given given, Channel channel, MessageCategory category, DecisionReason reason) {
        return denied(name, given, channel, category, now(), reason);
    }

    private static Arguments denied(String name, Given given, Channel channel, MessageCategory category, Instant at,
                                    DecisionReason reason) {
        return row(name, given, channel, category, at, false, Outcome.DENY, reason, null);
    }

    private static Arguments deferred(String name, Given given, Channel channel, MessageCategory category,
                                      DecisionReason reason, Instant until) {
        return deferred(name, given, channel, category, now(), false, reason, until);
    }

    private static Arguments deferred(String name, Given given, Channel channel, MessageCategory category, Instant at,
                                      boolean template, DecisionReason reason, Instant until) {
        return row(name, given, channel, category, at, template, Outcome.DEFER, reason, until);
    }

    private static Arguments row(String name, Given given, Channel channel, MessageCategory category, Instant at,
                                 boolean template, Outcome outcome, DecisionReason reason, @Nullable Instant until) {
        return Arguments.of(name, given, channel, category, at, template, outcome, reason, until);
    }
}
