package io.beseda.channel.smpp;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.MessageState;
import org.jsmpp.bean.OptionalParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.MessageId;
import io.beseda.channel.MessageStatus;
import io.beseda.channel.Receipts;

/**
 * The parts each SMS went out as ({@code smpp_part}: the SMS centre's id for each) and what their delivery
 * receipts said. A message is DELIVERED when every part is, and FAILED as soon as one part is undeliverable,
 * rejected, expired or deleted; it is known to Beseda by its first part's id.
 */
@Component
class SmppReceipts {

    /** The final states of the receipt text's {@code stat:} field, and which of them is a delivery. */
    private static final Map<String, Boolean> STATS = Map.of("DELIVRD", true, "UNDELIV", false, "REJECTD", false,
            "EXPIRED", false, "DELETED", false);
    private static final Pattern ID = Pattern.compile("(?i)\\bid:(\\S+)");
    private static final Pattern STAT = Pattern.compile("(?i)\\bstat:(\\w+)");
    private static final Pattern ERR = Pattern.compile("(?i)\\berr:(\\w+)");

    private final JdbcClient jdbc;
    private final Receipts receipts;
    private final Clock clock;

    SmppReceipts(JdbcClient jdbc, Receipts receipts, Clock clock) {
        this.jdbc = jdbc;
        this.receipts = receipts;
        this.clock = clock;
    }

    /** The parts of the message the SMS centre already accepted (a retry sends only the others): seq → its id. */
    Map<Integer, String> accepted(ChannelAccount account, MessageId message) {
        var accepted = new java.util.TreeMap<Integer, String>();
        jdbc.sql("select seq, part_message_id from smpp_part where account_id = ? and message_id = ?")
                .params(account.id(), message.value())
                .query(row -> {
                    accepted.put(row.getInt(1), row.getString(2));
                });
        return accepted;
    }

    void accepted(ChannelAccount account, MessageId message, int seq, int parts, String partMessageId) {
        jdbc.sql("""
                insert into smpp_part (workspace_id, account_id, message_id, seq, parts, part_message_id, submitted_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(account.workspaceId().value(), account.id(), message.value(), seq, parts, partMessageId, Timestamp.from(clock.instant())).update();
    }

    /** A delivery receipt: from the receipted_message_id and message_state TLVs, else from the receipt text. */
    void receive(ChannelAccount account, DeliverSm receipt) {
        var text = receipt.getShortMessage() == null ? "" : new String(receipt.getShortMessage(), java.nio.charset.StandardCharsets.ISO_8859_1);
        String id = null;
        if (receipt.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID) instanceof OptionalParameter.OctetString tlv) {
            id = tlv.getValueAsString();
        }
        Boolean delivered = null;
        String state = null;
        if (receipt.getOptionalParameter(OptionalParameter.Tag.MESSAGE_STATE) instanceof OptionalParameter.Byte tlv) {
            var messageState = MessageState.valueOf(tlv.getValue());
            state = messageState.name();
            delivered = switch (messageState) {
                case DELIVERED -> true;
                case EXPIRED, DELETED, UNDELIVERABLE, REJECTED -> false;
                default -> null;
            };
        }
        if (id == null || id.isBlank()) {
            id = find(ID, text);
        }
        if (state == null) {
            state = find(STAT, text);
            delivered = state == null ? null : STATS.get(state.toUpperCase());
        }
        if (id == null || delivered == null) {
            return; // an intermediate state (ENROUTE, ACCEPTD) or a receipt that names nothing: nothing moves
        }
        var error = find(ERR, text);
        part(account, id.strip(), delivered, "SMS-центр: " + state + (error == null ? "" : ", err " + error));
    }

    private void part(ChannelAccount account, String partId, boolean delivered, String reason) {
        var messages = jdbc.sql("""
                update smpp_part set state = ? where account_id = ? and part_message_id in (?, ?) and state = 'SENT'
                returning message_id""")
                .params(delivered ? "DELIVERED" : "FAILED", account.id(), partId, otherSpelling(partId))
                .query(UUID.class).list();
        if (messages.isEmpty()) {
            // not sent in parts Beseda knows (or a repeated receipt): the id may still be a whole message's
            if (delivered) {
                receipts.record(account.workspaceId(), partId, MessageStatus.DELIVERED);
            } else {
                receipts.failed(account.workspaceId(), partId, reason);
            }
            return;
        }
        for (var message : List.copyOf(new java.util.LinkedHashSet<>(messages))) {
            var first = jdbc.sql("select part_message_id from smpp_part where account_id = ? and message_id = ? and seq = 1")
                    .params(account.id(), message).query(String.class).optional();
            if (first.isEmpty()) {
                continue;
            }
            if (!delivered) {
                receipts.failed(account.workspaceId(), first.get(), reason);
                continue;
            }
            var pending = jdbc.sql("""
                    select max(parts) - count(*) filter (where state = 'DELIVERED') from smpp_part
                    where account_id = ? and message_id = ?""")
                    .params(account.id(), message).query(Long.class).single();
            if (pending == 0) {
                receipts.record(account.workspaceId(), first.get(), MessageStatus.DELIVERED);
            }
        }
    }

    /**
     * SMS centres are known to give the id in submit_sm_resp in hex and in the receipt in decimal (or the other
     * way round): the other spelling is looked up too.
     */
    static String otherSpelling(String id) {
        try {
            if (id.matches("[0-9]{1,18}")) {
                return Long.toHexString(Long.parseLong(id));
            }
            if (id.matches("[0-9A-Fa-f]{1,15}")) {
                return Long.toString(Long.parseLong(id, 16));
            }
        } catch (NumberFormatException e) {
            // neither spelling: only the id as given
        }
        return id;
    }

    private static @Nullable String find(Pattern pattern, String text) {
        var match = pattern.matcher(text);
        return match.find() ? match.group(1) : null;
    }
}
