package io.beseda.consent;

import java.time.LocalTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A workspace's send policy. Caps count marketing messages in rolling windows (the last 24 hours, the
 * last 7 days), across all channels and per channel; a cap of 0 stops marketing in its scope. Quiet hours
 * are in the customer's own time zone and may cross midnight; equal ends mean no quiet hours.
 *
 * @param restrictedChannels foreign messengers that banks, state-owned companies and marketplaces may not use
 */
public record SendPolicySettings(OrganisationType organisationType, Set<Channel> restrictedChannels,
                                 int marketingPerDay, int marketingPerWeek, int marketingPerDayPerChannel,
                                 int marketingPerWeekPerChannel, LocalTime quietFrom, LocalTime quietTo,
                                 boolean serviceInQuietHours) {

    public SendPolicySettings {
        restrictedChannels = Collections.unmodifiableSet(restrictedChannels.isEmpty()
                ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(restrictedChannels));
        if (marketingPerDay < 0 || marketingPerWeek < 0 || marketingPerDayPerChannel < 0 || marketingPerWeekPerChannel < 0) {
            throw new IllegalArgumentException("Frequency caps cannot be negative");
        }
    }

    public boolean forbids(Channel channel) {
        return organisationType.forbidsRestrictedChannels() && restrictedChannels.contains(channel);
    }
}
