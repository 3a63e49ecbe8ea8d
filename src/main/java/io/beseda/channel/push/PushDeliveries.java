package io.beseda.channel.push;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.beseda.channel.MessageId;
import io.beseda.channel.MessageStatus;
import io.beseda.channel.Receipts;
import io.beseda.channel.WebhookUrls;
import io.beseda.workspace.WorkspaceId;

/**
 * Notifications handed to a push service, one per message and browser or device, each with an unguessable
 * tracking token. The token's links are what the notification carries: {@code shown} (the service worker's
 * beacon when it displays it: the message is DELIVERED) and {@code click} (the redirect to the message's link,
 * which counts the click: the message is READ).
 */
@Component
class PushDeliveries {

    static final String CLICK_PATH = "/t/push/click/";
    static final String SHOWN_PATH = "/t/push/shown/";

    private static final SecureRandom random = new SecureRandom();

    private final JdbcClient jdbc;
    private final Receipts receipts;
    private final WebhookUrls urls;
    private final Clock clock;

    PushDeliveries(JdbcClient jdbc, Receipts receipts, WebhookUrls urls, Clock clock) {
        this.jdbc = jdbc;
        this.receipts = receipts;
        this.urls = urls;
        this.clock = clock;
    }

    /** A token for a notification about to be sent; stored by {@link #sent} once the push service took it. */
    static String newToken() {
        var bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String clickUrl(String token) {
        return urls.base() + CLICK_PATH + token;
    }

    /** A Beseda-kept file's address as a phone or browser can fetch it. */
    String absolute(String url) {
        return url.startsWith("/") ? urls.base() + url : url;
    }

    String shownUrl(String token) {
        return urls.base() + SHOWN_PATH + token;
    }

    /** Browsers or devices that already have this message (a retry after a part-way failure skips them). */
    Set<UUID> reached(MessageId message) {
        return Set.copyOf(jdbc.sql("select target_id from push_delivery where message_id = ?").param(message.value())
                .query(UUID.class).list());
    }

    void sent(WorkspaceId workspace, MessageId message, String providerMessageId, String target, UUID targetId, String token,
              String url) {
        jdbc.sql("""
                        insert into push_delivery (token, workspace_id, message_id, provider_message_id, target, target_id, url, sent_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (message_id, target_id) do nothing""")
                .params(token, workspace.value(), message.value(), providerMessageId, target, targetId, url,
                        Timestamp.from(clock.instant()))
                .update();
    }

    /** Counts a click and makes the message READ; answers where the click leads, empty for an unknown token. */
    @Transactional
    Optional<String> click(String token) {
        var clicked = jdbc.sql("""
                        update push_delivery set clicks = clicks + 1, clicked_at = coalesce(clicked_at, ?),
                        shown_at = coalesce(shown_at, ?) where token = ? returning workspace_id, provider_message_id, url""")
                .params(Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), token)
                .query((row, n) -> new String[] {row.getString(1), row.getString(2), row.getString(3)}).optional();
        clicked.ifPresent(row -> receipts.record(new WorkspaceId(UUID.fromString(row[0])), row[1], MessageStatus.READ));
        return clicked.map(row -> row[2]);
    }

    /** The notification was displayed: the message is DELIVERED. False for an unknown token. */
    @Transactional
    boolean shown(String token) {
        var shown = jdbc.sql("update push_delivery set shown_at = coalesce(shown_at, ?) where token = ? returning workspace_id, provider_message_id")
                .params(Timestamp.from(clock.instant()), token)
                .query((row, n) -> new String[] {row.getString(1), row.getString(2)}).optional();
        shown.ifPresent(row -> receipts.record(new WorkspaceId(UUID.fromString(row[0])), row[1], MessageStatus.DELIVERED));
        return shown.isPresent();
    }
}
