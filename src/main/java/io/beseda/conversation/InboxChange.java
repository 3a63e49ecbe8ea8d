package io.beseda.conversation;

import java.time.ZoneId;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** What an admin edits on an inbox. */
public record InboxChange(String name, @Nullable UUID teamId, ZoneId timeZone, BusinessHours businessHours,
                          @Nullable String outOfOfficeText) {

    public static final int MAX_OUT_OF_OFFICE = 1000;

    public InboxChange {
        name = name.strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new IllegalArgumentException("An inbox's name is 1 to 100 characters");
        }
        outOfOfficeText = outOfOfficeText == null || outOfOfficeText.isBlank() ? null : outOfOfficeText.strip();
        if (outOfOfficeText != null && outOfOfficeText.length() > MAX_OUT_OF_OFFICE) {
            throw new IllegalArgumentException("The out-of-office text is at most " + MAX_OUT_OF_OFFICE + " characters");
        }
    }
}
