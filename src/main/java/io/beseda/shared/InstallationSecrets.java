package io.beseda.shared;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keys of the whole installation (the ones that sign unsubscribe links, file links, cart links): generated once
 * per name and kept in {@code installation_secret}, where every node and every restart finds the same key. Two
 * nodes starting at once both insert; the first insert wins and both read it.
 */
@Component
public class InstallationSecrets {

    private final JdbcClient jdbc;
    private final ConcurrentHashMap<String, byte[]> keys = new ConcurrentHashMap<>();

    public InstallationSecrets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The 32-byte key kept under {@code name}, made on first use. */
    public byte[] key(String name) {
        return keys.computeIfAbsent(name, this::load).clone();
    }

    private byte[] load(String name) {
        var generated = new byte[32];
        new SecureRandom().nextBytes(generated);
        jdbc.sql("insert into installation_secret (name, value) values (?, ?) on conflict (name) do nothing")
                .params(name, Base64.getEncoder().encodeToString(generated)).update();
        return Base64.getDecoder().decode(jdbc.sql("select value from installation_secret where name = ?")
                .param(name).query(String.class).single());
    }
}
