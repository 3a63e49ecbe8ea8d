package io.beseda.consent;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The installation's key for unsubscribe links: the configured secret, or else one generated once and
 * kept in {@code installation_secret}, where every node and every restart finds the same key. Two nodes
 * starting at once both insert; the first insert wins and both read it.
 */
@Component
class UnsubscribeKey {

    private static final String NAME = "unsubscribe-links";

    private final JdbcClient jdbc;
    private final ConsentSettings settings;
    private volatile byte[] key;

    UnsubscribeKey(JdbcClient jdbc, ConsentSettings settings) {
        this.jdbc = jdbc;
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
        var generated = new byte[32];
        new SecureRandom().nextBytes(generated);
        jdbc.sql("insert into installation_secret (name, value) values (?, ?) on conflict (name) do nothing")
                .params(NAME, Base64.getEncoder().encodeToString(generated)).update();
        return Base64.getDecoder().decode(jdbc.sql("select value from installation_secret where name = ?")
                .param(NAME).query(String.class).single());
    }
}
