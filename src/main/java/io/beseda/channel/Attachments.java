package io.beseda.channel;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.beseda.shared.RuleViolationException;
import io.beseda.workspace.WorkspaceId;

/**
 * Files customers and operators send. The type is decided by the file's first bytes, never by what the
 * uploader claims, and only photos and PDFs are kept; each file is served at {@code /files/{id}/{token}},
 * where the token is an HMAC of the id: unguessable, so a link works in a messenger or a mail client
 * without a login, yet nobody can walk the ids.
 */
@Service
public class Attachments {

    /** What a file is, once its bytes are read back. */
    public record File(UUID id, @Nullable String name, String mimeType, byte[] content) {
    }

    private static final String KEY_NAME = "attachment-links";

    private final JdbcClient jdbc;
    private final long maxBytes;
    private final io.beseda.shared.InstallationSecrets secrets;

    Attachments(JdbcClient jdbc, io.beseda.shared.InstallationSecrets secrets, @Value("${beseda.channel.attachment-max-bytes:10485760}") long maxBytes) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Keeps the file; refuses empty, oversized and unsupported files with a rule code the UI can show. */
    public Attachment store(WorkspaceId workspace, @Nullable String name, byte[] content) {
        if (content.length == 0) {
            throw new RuleViolationException("attachment.empty", "The file is empty");
        }
        if (content.length > maxBytes) {
            throw new RuleViolationException("attachment.too-large",
                    "The file is " + content.length + " bytes; at most " + maxBytes + " are accepted");
        }
        var type = FileTypes.sniff(content).orElseThrow(() -> new RuleViolationException("attachment.type",
                "Only JPEG, PNG, GIF, WebP photos and PDF documents are accepted"));
        var id = UUID.randomUUID();
        var cleanName = name == null ? null : FileTypes.cleanName(name);
        jdbc.sql("insert into attachment (id, workspace_id, name, mime_type, size_bytes, content) values (?, ?, ?, ?, ?, ?)")
                .params(id, workspace.value(), cleanName, type, content.length, content).update();
        return new Attachment(url(id), type, content.length, cleanName);
    }

    /** The file behind a link, if the token is the one this installation made for it. */
    public Optional<File> open(UUID id, String token) {
        if (!MessageDigest.isEqual(token(id).getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return jdbc.sql("select id, name, mime_type, content from attachment where id = ?").param(id)
                .query((row, n) -> new File(row.getObject("id", UUID.class), row.getString("name"), row.getString("mime_type"),
                        row.getBytes("content")))
                .optional();
    }

    /** Reads back a file this workspace keeps, from its link; empty for anyone else's file or a foreign link. */
    public Optional<File> fromUrl(WorkspaceId workspace, String url) {
        var parts = url.split("/");
        if (parts.length < 4 || !"files".equals(parts[parts.length - 3])) {
            return Optional.empty();
        }
        try {
            var id = UUID.fromString(parts[parts.length - 2]);
            var owned = jdbc.sql("select count(*) from attachment where workspace_id = ? and id = ?")
                    .params(workspace.value(), id).query(Long.class).single() == 1;
            return owned ? open(id, parts[parts.length - 1]) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    String url(UUID id) {
        return "/files/" + id + "/" + token(id);
    }

    private String token(UUID id) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secrets.key(KEY_NAME), "HmacSHA256"));
            var digest = mac.doFinal(id.toString().getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 32);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

}
