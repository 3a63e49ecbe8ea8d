package io.beseda.consent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.beseda.shared.RuleViolationException;
import io.beseda.workspace.WorkspaceId;

/** The consent_text table: each workspace's wordings by purpose and version, with their SHA-256. */
@Repository
class ConsentTexts {

    private final JdbcClient jdbc;

    ConsentTexts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ConsentText add(WorkspaceId workspace, ConsentPurpose purpose, String version, String body, Instant at) {
        var id = UUID.randomUUID();
        try {
            jdbc.sql("insert into consent_text (id, workspace_id, purpose, version, body, sha256, created_at) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(id, workspace.value(), purpose.name(), version, body, sha256(body), Timestamp.from(at))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new RuleViolationException("consent.text.version-taken",
                    "A " + purpose + " text with version " + version + " is already registered; texts never change, register a new version");
        }
        return find(workspace, purpose, version).orElseThrow();
    }

    Optional<ConsentText> find(WorkspaceId workspace, ConsentPurpose purpose, String version) {
        return jdbc.sql("select * from consent_text where workspace_id = ? and purpose = ? and version = ?")
                .params(workspace.value(), purpose.name(), version).query(ConsentTexts::map).optional();
    }

    List<ConsentText> list(WorkspaceId workspace) {
        return jdbc.sql("select * from consent_text where workspace_id = ? order by purpose, created_at desc")
                .param(workspace.value()).query(ConsentTexts::map).list();
    }

    static String sha256(String body) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ConsentText map(ResultSet row, int n) throws SQLException {
        return new ConsentText(row.getObject("id", UUID.class), ConsentPurpose.valueOf(row.getString("purpose")),
                row.getString("version"), row.getString("body"), row.getString("sha256"),
                row.getTimestamp("created_at").toInstant());
    }
}
