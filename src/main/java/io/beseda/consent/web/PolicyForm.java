package io.beseda.consent.web;

import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.jspecify.annotations.Nullable;

import io.beseda.consent.Channel;
import io.beseda.consent.OrganisationType;
import io.beseda.consent.SendPolicySettings;

/**
 * The send policy as the API and the settings page exchange it: times as "HH:mm", caps from 0 (no
 * marketing in that scope) to {@value #MAX_CAP}.
 */
record PolicyForm(@NotNull OrganisationType organisationType, @Nullable List<Channel> restrictedChannels,
                  @NotNull @Min(0) @Max(MAX_CAP) Integer marketingPerDay,
                  @NotNull @Min(0) @Max(MAX_CAP) Integer marketingPerWeek,
                  @NotNull @Min(0) @Max(MAX_CAP) Integer marketingPerDayPerChannel,
                  @NotNull @Min(0) @Max(MAX_CAP) Integer marketingPerWeekPerChannel,
                  @NotNull @Pattern(regexp = HH_MM, message = "must be a time HH:mm, e.g. 21:00") String quietFrom,
                  @NotNull @Pattern(regexp = HH_MM, message = "must be a time HH:mm, e.g. 09:00") String quietTo,
                  @Nullable Boolean serviceInQuietHours) {

    static final int MAX_CAP = 1000;
    static final String HH_MM = "([01][0-9]|2[0-3]):[0-5][0-9]";

    static PolicyForm of(SendPolicySettings s) {
        return new PolicyForm(s.organisationType(), List.copyOf(s.restrictedChannels()), s.marketingPerDay(),
                s.marketingPerWeek(), s.marketingPerDayPerChannel(), s.marketingPerWeekPerChannel(),
                s.quietFrom().toString(), s.quietTo().toString(), s.serviceInQuietHours());
    }

    SendPolicySettings settings() {
        return new SendPolicySettings(organisationType, restrictedChannels == null ? Set.of() : Set.copyOf(restrictedChannels),
                marketingPerDay, marketingPerWeek, marketingPerDayPerChannel, marketingPerWeekPerChannel,
                LocalTime.parse(quietFrom), LocalTime.parse(quietTo), Boolean.TRUE.equals(serviceInQuietHours));
    }
}
