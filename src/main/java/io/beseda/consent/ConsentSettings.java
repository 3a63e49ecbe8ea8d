package io.beseda.consent;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param unsubscribeSecret the key that signs unsubscribe links (BESEDA_UNSUBSCRIBE_SECRET, at least 32
 *                          characters; secret). Empty: Beseda generates one and keeps it in the database,
 *                          so links keep working after restarts and on every node (docs/decisions/0007).
 */
@ConfigurationProperties("beseda.consent")
record ConsentSettings(@Nullable String unsubscribeSecret) {

    static final int MIN_SECRET_LENGTH = 32;

    ConsentSettings {
        if (unsubscribeSecret != null && !unsubscribeSecret.isBlank() && unsubscribeSecret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("beseda.consent.unsubscribe-secret must be at least " + MIN_SECRET_LENGTH
                    + " characters long; leave it empty to let Beseda generate one");
        }
    }

    @Override
    public String toString() {
        return "ConsentSettings[unsubscribeSecret=" + (unsubscribeSecret == null || unsubscribeSecret.isBlank() ? "generated" : "***") + "]";
    }
}
