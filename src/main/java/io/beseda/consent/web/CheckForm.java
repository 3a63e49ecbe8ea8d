package io.beseda.consent.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import io.beseda.consent.Channel;
import io.beseda.consent.MessageCategory;

/**
 * The settings page's "would this be sent?" form.
 *
 * @param customer a customer id, a phone or an e-mail
 * @param at       a local date and time in the workspace's zone ("2026-03-10T22:00"); empty means now
 */
record CheckForm(@NotBlank @Size(max = 320) String customer, @NotNull Channel channel, @NotNull MessageCategory category,
                 @Nullable @Pattern(regexp = "|\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?", message = "{send-policy.check.at.invalid}") String at,
                 @Nullable Boolean template) {

    static CheckForm empty() {
        return new CheckForm("", Channel.SMS, MessageCategory.MARKETING, "", false);
    }

    @Nullable Instant moment(ZoneId workspaceZone) {
        return at == null || at.isBlank() ? null : LocalDateTime.parse(at).atZone(workspaceZone).toInstant();
    }
}
