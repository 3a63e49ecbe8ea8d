package io.beseda.consent;

import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;

/**
 * The installation's key for unsubscribe links: the configured secret, or else one generated once and
 * kept in {@code installation_secret}, where every node and every restart finds the same key. Two nodes
 * starting at once both insert; the first insert wins and both read it.
 */
@Component
class UnsubscribeKey {

    private static final String NAME = "unsubscribe-links";

    private final io.beseda.shared.InstallationSecrets secrets;
    private final ConsentSettings settings;
    private volatile byte[] key;

    UnsubscribeKey(io.beseda.shared.InstallationSecrets secrets, ConsentSettings settings) {
        this.secrets = secrets;
        this.settings = settings;
    }

    byte[] bytes() {
        var known = key;
        if (known == null) {
            synchronized (this) {
                if (key == null) {
                    key = load();
                }
                known = key;
            }
        }
        return known;
    }

    private byte[] load() {
        var configured = settings.unsubscribeSecret();
        if (configured != null && !configured.isBlank()) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        return secrets.key(NAME);
    }
}
