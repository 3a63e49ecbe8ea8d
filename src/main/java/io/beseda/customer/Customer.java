package io.beseda.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.beseda.workspace.WorkspaceId;

/**
 * A person as the shop knows them. {@code phone} is E.164 when {@code phoneValid}, otherwise exactly as
 * given; {@code timeZone} is empty when unknown (the workspace's zone applies then).
 */
public record Customer(CustomerId id, WorkspaceId workspaceId, @Nullable String name, @Nullable String phone,
                       @Nullable Boolean phoneValid, @Nullable String email, @Nullable LocalDate birthday,
                       @Nullable Gender gender, @Nullable String city, @Nullable ZoneId timeZone,
                       Map<String, Object> attributes, Instant createdAt, @Nullable Instant lastSeenAt,
                       @Nullable Instant erasedAt) {

    public enum Gender { FEMALE, MALE }

    public boolean erased() {
        return erasedAt != null;
    }

    public ZoneId timeZoneOr(ZoneId fallback) {
        return timeZone != null ? timeZone : fallback;
    }
}
