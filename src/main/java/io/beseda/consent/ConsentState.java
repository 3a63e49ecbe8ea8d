package io.beseda.consent;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where a customer stands for one purpose and channel: the latest record for it decides.
 *
 * @param channel empty for purposes given once for all channels (personal data processing)
 * @param since   when the deciding record was made
 */
public record ConsentState(ConsentPurpose purpose, @Nullable Channel channel, ConsentStatus status,
                           Instant since, ConsentSource source) {
}
