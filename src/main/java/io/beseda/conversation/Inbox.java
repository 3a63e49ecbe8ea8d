package io.beseda.conversation;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Where some accounts' conversations land, who serves them and when.
 *
 * @param teamId          the team new conversations go to; none leaves them for anyone to pick up
 * @param businessHours   when the inbox is staffed (SLA clocks run only then; outside, the out-of-office text answers)
 * @param outOfOfficeText sent once a day per conversation to a customer who writes outside business hours
 * @param accounts        the channel accounts mapped to this inbox (the default inbox also gets every unmapped one)
 */
public record Inbox(UUID id, String name, boolean isDefault, @Nullable UUID teamId, ZoneId timeZone,
                    BusinessHours businessHours, @Nullable String outOfOfficeText, List<UUID> accounts) {

    public Inbox {
        accounts = List.copyOf(accounts);
    }
}
