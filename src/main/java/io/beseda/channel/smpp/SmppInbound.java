package io.beseda.channel.smpp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.InboundMessage;
import io.beseda.channel.InboundMessages;
import io.beseda.customer.Identity;

/**
 * What the SMS centre delivers on an account's session: delivery receipts (handed to {@link SmppReceipts}) and
 * customers' SMS, a long one gathered from its parts first. deliver_sm_resp goes back only after what it brought
 * is committed; a failure answers ESME_RX_T_APPN, so the SMS centre delivers it again.
 */
@Component
class SmppInbound {

    private static final Logger log = LoggerFactory.getLogger(SmppInbound.class);

    /** SMPP gives a customer's SMS no id: the same SMS delivered again within this long is taken as a redelivery. */
    static final Duration REDELIVERY_WINDOW = Duration.ofMinutes(10);
    private static final Duration PART_KEPT = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ChannelAccounts accounts;
    private final InboundMessages inbound;
    private final SmppReceipts receipts;
    private final Clock clock;

    SmppInbound(JdbcClient jdbc, TransactionTemplate transactions, ChannelAccounts accounts, InboundMessages inbound,
                SmppReceipts receipts, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.accounts = accounts;
        this.inbound = inbound;
        this.receipts = receipts;
        this.clock = clock;
    }

    MessageReceiverListener listenerFor(ChannelAccount account) {
        return new MessageReceiverListener() {
            @Override
            public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
                accept(account, deliverSm);
            }

            @Override
            public void onAcceptAlertNotification(AlertNotification alertNotification) {
                // a phone came back into reach: the SMS centre retries on its own
            }

            @Override
            public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
                throw new ProcessRequestException("data_sm is not taken; deliver with deliver_sm", SMPPConstant.STAT_ESME_RINVCMDID);
            }
        };
    }

    void accept(ChannelAccount account, DeliverSm deliverSm) throws ProcessRequestException {
        try {
            if (deliverSm.isSmscDeliveryReceipt()) {
                receipts.receive(account, deliverSm);
            } else {
                customerSms(account, deliverSm);
            }
        } catch (Refused e) {
            throw new ProcessRequestException(e.getMessage(), e.status);
        } catch (RuntimeException e) {
            log.error("Taking in a deliver_sm for {} failed; the SMS centre will deliver it again", account, e);
            throw new ProcessRequestException("Try again later", SMPPConstant.STAT_ESME_RX_T_APPN, e);
        }
    }

    /** A deliver_sm Beseda will never take, whatever the retries: answered with the given command status. */
    static final class Refused extends RuntimeException {

        final int status;

        Refused(String reason, int status) {
            super(reason);
            this.status = status;
        }
    }

    private void customerSms(ChannelAccount account, DeliverSm sm) {
        var sender = SmppAddresses.sender(sm.getSourceAddr(), sm.getSourceAddrTon());
        if (sender == null) {
            throw new Refused("No sender address", SMPPConstant.STAT_ESME_RINVSRCADR);
        }
        byte[] message = sm.getShortMessage() == null ? new byte[0] : sm.getShortMessage();
        if (message.length == 0 && sm.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD)
                instanceof OptionalParameter.OctetString payload) {
            message = payload.getValue();
        }
        var part = sm.isUdhi() ? Udh.read(message) : sarPart(sm, message);
        if (part == null) {
            throw new Refused("Malformed user data header", SMPPConstant.STAT_ESME_RX_P_APPN);
        }
        if (part.total() == 1) {
            take(account, sender, sm.getDestAddress(), -1, sm.getDataCoding(), part.payload());
            return;
        }
        // the parts are forgotten in the transaction that stores the whole message, so a failure loses none
        transactions.executeWithoutResult(status -> {
            var whole = gather(account, sender.value(), part, sm.getDataCoding());
            if (whole != null) {
                take(account, sender, sm.getDestAddress(), part.reference(), sm.getDataCoding(), whole);
            }
        });
    }

    /** A part from SAR TLVs (some SMS centres use them instead of a header); a lone SMS is part 1 of 1. */
    private static Udh sarPart(DeliverSm sm, byte[] message) {
        if (sm.getOptionalParameter(OptionalParameter.Tag.SAR_MSG_REF_NUM) instanceof OptionalParameter.Short reference
                && sm.getOptionalParameter(OptionalParameter.Tag.SAR_TOTAL_SEGMENTS) instanceof OptionalParameter.Byte total
                && sm.getOptionalParameter(OptionalParameter.Tag.SAR_SEGMENT_SEQNUM) instanceof OptionalParameter.Byte seq) {
            return new Udh(reference.getValue() & 0xFFFF, total.getValue() & 0xFF, seq.getValue() & 0xFF, message);
        }
        return new Udh(0, 1, 1, message);
    }

    /** Keeps the part; when it was the last one missing, answers the whole message's bytes (and forgets the parts). */
    private byte @Nullable [] gather(ChannelAccount account, String sender, Udh part, byte dataCoding) {
        var now = clock.instant();
        jdbc.sql("delete from smpp_mo_part where account_id = ? and received_at < ?")
                .params(account.id(), Timestamp.from(now.minus(PART_KEPT))).update();
        jdbc.sql("""
                insert into smpp_mo_part (workspace_id, account_id, sender, reference, total, seq, data_coding, payload, received_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(account.workspaceId().value(), account.id(), sender, part.reference(), part.total(), part.seq(), dataCoding, part.payload(),
                        Timestamp.from(now)).update();
        var count = jdbc.sql("select count(*) from smpp_mo_part where account_id = ? and sender = ? and reference = ? and total = ?")
                .params(account.id(), sender, part.reference(), part.total()).query(Long.class).single();
        if (count < part.total()) {
            return null;
        }
        List<byte[]> parts = jdbc.sql("""
                delete from smpp_mo_part where account_id = ? and sender = ? and reference = ? and total = ?
                returning seq, payload""")
                .params(account.id(), sender, part.reference(), part.total())
                .query((row, n) -> new Object[] {row.getInt(1), row.getBytes(2)}).list().stream()
                .sorted(java.util.Comparator.comparingInt(row -> (Integer) row[0])).map(row -> (byte[]) row[1]).toList();
        if (parts.size() < part.total()) {
            return null;
        }
        var whole = new java.io.ByteArrayOutputStream();
        parts.forEach(whole::writeBytes);
        return whole.toByteArray();
    }

    private void take(ChannelAccount account, Identity sender, @Nullable String to, int reference, byte dataCoding, byte[] payload) {
        var text = SmsText.decode(dataCoding, payload);
        if (text == null || text.isBlank()) {
            throw new Refused("Binary or empty SMS are not taken", SMPPConstant.STAT_ESME_RX_P_APPN);
        }
        var now = clock.instant();
        var id = providerMessageId(account, fingerprint(sender.value(), to, reference, text), now);
        accounts.noteInbound(account.id(), now);
        inbound.receive(account.workspaceId(), account.id(),
                new InboundMessage(account.channel(), id, sender, null, text, List.of(), null, now));
    }

    /**
     * The id the SMS is stored under: a new one, unless the same SMS came from the same number within
     * {@link #REDELIVERY_WINDOW} (the SMS centre did not get our deliver_sm_resp and sent it again).
     */
    private String providerMessageId(ChannelAccount account, String fingerprint, java.time.Instant now) {
        var fresh = "mo-" + UUID.randomUUID();
        var taken = jdbc.sql("""
                insert into smpp_mo_seen (workspace_id, account_id, fingerprint, provider_message_id, seen_at) values (?, ?, ?, ?, ?)
                on conflict (account_id, fingerprint) do update
                    set provider_message_id = excluded.provider_message_id, seen_at = excluded.seen_at
                    where smpp_mo_seen.seen_at < ?
                returning provider_message_id""")
                .params(account.workspaceId().value(), account.id(), fingerprint, fresh, Timestamp.from(now), Timestamp.from(now.minus(REDELIVERY_WINDOW)))
                .query(String.class).optional();
        return taken.orElseGet(() -> jdbc.sql("select provider_message_id from smpp_mo_seen where account_id = ? and fingerprint = ?")
                .params(account.id(), fingerprint).query(String.class).single());
    }

    private static String fingerprint(String sender, @Nullable String to, int reference, String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest((sender + "\u0000" + to + "\u0000" + reference + "\u0000" + text)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
