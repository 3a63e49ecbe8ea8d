package io.beseda.consent.policy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.beseda.consent.Channel;
import io.beseda.consent.ConsentStatus;
import io.beseda.consent.MessageCategory;
import io.beseda.consent.OrganisationType;
import io.beseda.consent.SendPolicySettings;

/**
 * A customer and a workspace as the rules see them, built up one fact at a time. Starts from a shop
 * with the default policy and a Moscow customer who agreed to marketing everywhere, at noon Moscow time.
 */
final class Given {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    /** 2026-03-10 12:00 in Moscow. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T09:00:00Z"), ZoneOffset.UTC);

    private boolean erased;
    private ZoneId zone = MOSCOW;
    private OrganisationType organisation = OrganisationType.OTHER;
    private Set<Channel> restricted = EnumSet.of(Channel.TELEGRAM, Channel.WHATSAPP, Channel.VIBER);
    private int perDay = 2, perWeek = 5, perDayPerChannel = 1, perWeekPerChannel = 3;
    private LocalTime quietFrom = LocalTime.of(21, 0), quietTo = LocalTime.of(9, 0);
    private boolean serviceInQuietHours = true;
    private ConsentStatus consent = ConsentStatus.GRANTED;
    private boolean suppressed;
    private final List<MarketingSend> sends = new ArrayList<>();
    private @Nullable Instant lastInbound;

    static Given customer() {
        return new Given();
    }

    static Instant now() {
        return CLOCK.instant();
    }

    static Instant ago(Duration duration) {
        return now().minus(duration);
    }

    static Instant later(Duration duration) {
        return now().plus(duration);
    }

    Given erased() { erased = true; return this; }
    Given in(ZoneId zone) { this.zone = zone; return this; }
    Given organisation(OrganisationType type) { organisation = type; return this; }
    Given restricted(Channel... channels) { restricted = channels.length == 0 ? EnumSet.noneOf(Channel.class) : EnumSet.of(channels[0], channels); return this; }
    Given caps(int day, int week, int dayPerChannel, int weekPerChannel) {
        perDay = day; perWeek = week; perDayPerChannel = dayPerChannel; perWeekPerChannel = weekPerChannel; return this;
    }
    Given quietHours(String from, String to) { quietFrom = LocalTime.parse(from); quietTo = LocalTime.parse(to); return this; }
    Given noServiceInQuietHours() { serviceInQuietHours = false; return this; }
    Given consent(ConsentStatus status) { consent = status; return this; }
    Given suppressed() { suppressed = true; return this; }
    Given sent(Channel channel, Instant at) { sends.add(new MarketingSend(channel, at)); return this; }
    Given wroteOnWhatsApp(Instant at) { lastInbound = at; return this; }

    PolicySnapshot snapshot() {
        var settings = new SendPolicySettings(organisation, restricted, perDay, perWeek, perDayPerChannel,
                perWeekPerChannel, quietFrom, quietTo, serviceInQuietHours);
        return new PolicySnapshot(erased, zone, settings, consent, suppressed, sends, lastInbound);
    }
}
