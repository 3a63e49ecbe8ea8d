package io.beseda.channel.smsgateway;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.QuickReply;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the connector keeps beside the outbox: the answer options last offered to a phone (the parts of a message
 * the gateway took are in {@link io.beseda.channel.SentParts}).
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
