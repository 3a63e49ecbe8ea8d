package io.beseda.channel.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.workspace.WorkspaceId;

/**
 * A quick reply's payload as a Telegram button's {@code callback_data}, which holds at most 64 bytes. A payload
 * that fits goes as it is; a longer one (an operator's button titled in Cyrillic is its own payload, two bytes a
 * letter) goes as {@code #} and 32 characters of its SHA-256, kept in {@code telegram_callback} to be turned back
 * when pressed. A short payload that itself starts with {@code #} is hashed too, so data is never ambiguous.
 */
@Component
class CallbackData {

    static final int MAX_BYTES = 64;
    private static final String HASHED = "#";

    private final JdbcClient jdbc;

    CallbackData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String forPayload(WorkspaceId workspace, String payload) {
        if (payload.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES && !payload.startsWith(HASHED)) {
            return payload;
        }
        var data = HASHED + hash(payload);
        jdbc.sql("insert into telegram_callback (workspace_id, data, payload) values (?, ?, ?) on conflict do nothing")
                .params(workspace.value(), data, payload).update();
        return data;
    }

    /** The payload a pressed button stands for; data Beseda never hashed is taken as it came. */
    String payload(WorkspaceId workspace, String data) {
        if (!data.startsWith(HASHED)) {
            return data;
        }
        return jdbc.sql("select payload from telegram_callback where workspace_id = ? and data = ?")
                .params(workspace.value(), data).query(String.class).optional().orElse(data);
    }

    private static String hash(String payload) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(payload.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
