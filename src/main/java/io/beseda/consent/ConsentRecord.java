package io.beseda.consent;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.beseda.customer.CustomerId;

/** One entry of the consent ledger, as it was recorded; never changed afterwards. */
public record ConsentRecord(UUID id, CustomerId customerId, ConsentPurpose purpose, @Nullable Channel channel,
                            @Nullable String address, boolean granted, @Nullable String textVersion,
                            @Nullable String textSha256, ConsentSource source, Instant recordedAt,
                            @Nullable String ip, @Nullable String device, Map<String, Object> proof,
                            String recordedBy) {

    public ConsentStatus status() {
        return granted ? ConsentStatus.GRANTED : ConsentStatus.WITHDRAWN;
    }
}
