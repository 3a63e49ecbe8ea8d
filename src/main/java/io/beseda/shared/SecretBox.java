package io.beseda.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/**
 * Encrypts secrets at rest (provider tokens, webhook secrets) with Tink's AES-256-GCM. The master key
 * lives outside the database — in the environment or a key file beside the data — so a database dump
 * alone reveals no credentials. Each value is bound to its context (the row and field it belongs to):
 * a ciphertext copied into another row does not decrypt.
 */
@Component
public class SecretBox {

    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);

    private final Aead aead;

    SecretBox(SecretsSettings settings, DatabaseSettings database) {
        try {
            AeadConfig.register();
            this.aead = keyset(settings, database).getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The master key for secrets at rest is not a valid Tink AEAD keyset", e);
        }
    }

    public String encrypt(String plaintext, String context) {
        try {
            return Base64.getEncoder().encodeToString(aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8),
                    context.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a secret", e);
        }
    }

    /** @throws IllegalStateException when the value was made with another key or for another context */
    public String decrypt(String ciphertext, String context) {
        try {
            return new String(aead.decrypt(Base64.getDecoder().decode(ciphertext), context.getBytes(StandardCharsets.UTF_8)),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A secret does not decrypt with this installation's master key (context " + context + ")", e);
        }
    }

    private static KeysetHandle keyset(SecretsSettings settings, DatabaseSettings database) throws GeneralSecurityException {
        if (settings.masterKey() != null && !settings.masterKey().isBlank()) {
            return TinkJsonProtoKeysetFormat.parseKeyset(settings.masterKey(), InsecureSecretKeyAccess.get());
        }
        var file = settings.keyFile() != null ? settings.keyFile() : database.dataDir().resolve("master-key.json");
        try {
            if (Files.exists(file)) {
                return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
            }
            return generate(file.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the master key file " + file, e);
        }
    }

    private static KeysetHandle generate(Path file) throws IOException, GeneralSecurityException {
        var handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        Files.createDirectories(file.getParent());
        var temporary = Files.createTempFile(file.getParent(), "master-key", ".tmp");
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the folder's permissions protect it
        }
        Files.writeString(temporary, TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get()));
        try {
            // a hard link appears whole or not at all, and never replaces a key another process made first
            Files.createLink(file, temporary);
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
        } finally {
            Files.deleteIfExists(temporary);
        }
        log.warn("Generated a master key for secrets at rest at {}. Back it up with the database; a cluster needs "
                + "the same key on every node (BESEDA_SECRETS_MASTER_KEY).", file);
        return handle;
    }
}
