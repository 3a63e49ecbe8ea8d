package io.beseda.channel.smsgateway;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.Delivery;
import io.beseda.channel.QuickReply;
import io.beseda.consent.MessageCategory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the connector keeps beside the outbox: the parts of a message the gateway took, the answer options last
 * offered to a phone, and the category a message was queued with (it decides the sender name: operators tell
 * service from advertising traffic by it).
 */
@Component
class SmsSends {

    /** How long an offer of numbered answers stands: a "2" a week later is just a "2". */
    static final Duration OFFER_STANDS = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SmsSends(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    MessageCategory category(Delivery delivery) {
        return jdbc.sql("select category from outbound_message where workspace_id = ? and id = ?")
                .params(delivery.workspaceId().value(), delivery.messageId().value()).query(String.class).optional()
                .map(MessageCategory::valueOf).orElse(MessageCategory.SERVICE);
    }

    Map<Integer, String> sentParts(Delivery delivery) {
        return jdbc.sql("select part, provider_message_id from sms_gateway_part where message_id = ?").param(delivery.messageId().value())
                .query((row, n) -> Map.entry(row.getInt(1), row.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    void record(Delivery delivery, int part, String providerMessageId, Instant at) {
        jdbc.sql("""
                insert into sms_gateway_part (workspace_id, message_id, part, provider_message_id, sent_at)
                values (?, ?, ?, ?, ?) on conflict (message_id, part) do nothing""")
                .params(delivery.workspaceId().value(), delivery.messageId().value(), part, providerMessageId, Timestamp.from(at))
                .update();
    }

    void offer(ChannelAccount account, String phone, List<QuickReply> options, Instant at) {
        jdbc.sql("""
                insert into sms_gateway_offer (workspace_id, account_id, phone, options, offered_at) values (?, ?, ?, ?::jsonb, ?)
                on conflict (account_id, phone) do update set options = excluded.options, offered_at = excluded.offered_at""")
                .params(account.workspaceId().value(), account.id(), phone, json.writeValueAsString(options), Timestamp.from(at)).update();
    }

    /** The payload of the option the customer's reply names (its number or its title), if an offer stands. */
    @Nullable String answer(ChannelAccount account, String phone, @Nullable String text, Instant now) {
        if (text == null || text.isBlank()) {
            return null;
        }
        var offered = jdbc.sql("select options from sms_gateway_offer where account_id = ? and phone = ? and offered_at > ?")
                .params(account.id(), phone, Timestamp.from(now.minus(OFFER_STANDS))).query(String.class).optional();
        if (offered.isEmpty()) {
            return null;
        }
        List<QuickReply> options = json.readValue(offered.get(), new TypeReference<List<QuickReply>>() {
        });
        var reply = text.strip().replaceAll("[.!)]+$", "");
        for (int i = 0; i < options.size(); i++) {
            var option = options.get(i);
            if (reply.equals(String.valueOf(i + 1)) || reply.toLowerCase(Locale.ROOT).equals(option.title().strip().toLowerCase(Locale.ROOT))) {
                return option.payload();
            }
        }
        return null;
    }
}
