package io.beseda.shared;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the master key for secrets at rest comes from.
 *
 * @param masterKey a Tink AEAD keyset as JSON (BESEDA_SECRETS_MASTER_KEY); every node of a cluster needs the same
 * @param keyFile   otherwise a keyset file, generated on first start (default {@code <data dir>/master-key.json})
 */
@ConfigurationProperties("beseda.secrets")
public record SecretsSettings(@Nullable String masterKey, @Nullable Path keyFile) {

    @Override
    public String toString() {
        return "SecretsSettings[masterKey=" + (masterKey == null ? "none" : "***") + ", keyFile=" + keyFile + "]";
    }
}
