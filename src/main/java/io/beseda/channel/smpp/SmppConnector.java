package io.beseda.channel.smpp;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelConnector;
import io.beseda.channel.Delivery;
import io.beseda.channel.SendResult;
import io.beseda.channel.SmsParts;

/**
 * Sends one message as one or more SMS parts (GSM-7 or UCS-2, concatenated with an 8-bit reference made from the
 * message id), each asking for a delivery receipt. Buttons and photos have no SMS form: they go as text (the
 * buttons' titles, the photos' links). Parts the SMS centre already accepted are not sent again on a retry.
 */
final class SmppConnector implements ChannelConnector {

    static final Duration THROTTLED_RETRY = Duration.ofSeconds(1);

    private final ChannelAccount account;
    private final SmppLink link;
    private final SmppReceipts parts;
    private final SmppProperties properties;
    private final String publicBase;

    SmppConnector(ChannelAccount account, SmppLink link, SmppReceipts parts, SmppProperties properties, String publicBase) {
        this.account = account;
        this.link = link;
        this.parts = parts;
        this.properties = properties;
        this.publicBase = publicBase;
    }

    @Override
    public SendResult send(Delivery delivery) {
        var destination = SmppAddresses.destination(delivery.address());
        if (destination == null) {
            return new SendResult.Permanent("Not a phone number to send an SMS to: '" + delivery.address() + "'");
        }
        var text = text(delivery);
        var encoding = SmsParts.encodingOf(text);
        var pieces = SmsParts.split(text);
        if (pieces.size() > 255) {
            return new SendResult.Permanent("The text is " + pieces.size() + " SMS parts; at most 255 make one message");
        }
        var accepted = parts.accepted(account, delivery.messageId());
        int reference = delivery.messageId().value().hashCode() & 0xFF;
        for (int seq = 1; seq <= pieces.size(); seq++) {
            if (accepted.containsKey(seq)) {
                continue;
            }
            var bytes = SmsText.encode(pieces.get(seq - 1), encoding);
            var payload = pieces.size() == 1 ? bytes : Udh.concatenated(reference, pieces.size(), seq, bytes);
            var result = submit(delivery, destination, payload, pieces.size() > 1, encoding);
            if (!(result instanceof SendResult.Sent sent)) {
                return result;
            }
            parts.accepted(account, delivery.messageId(), seq, pieces.size(), sent.providerMessageId());
            accepted.put(seq, sent.providerMessageId());
        }
        return new SendResult.Sent(accepted.get(1));
    }

    /** The body, then the buttons as a line of choices to answer with, then a link to each file. */
    String text(Delivery delivery) {
        var text = new StringBuilder(delivery.body().strip());
        if (!delivery.quickReplies().isEmpty()) {
            text.append("\n").append(String.join(" / ", delivery.quickReplies().stream().map(q -> q.title()).toList()));
        }
        for (var file : delivery.attachments()) {
            text.append("\n").append(file.url().startsWith("/") ? publicBase + file.url() : file.url());
        }
        return text.toString();
    }

    private SendResult submit(Delivery delivery, String destination, byte[] payload, boolean concatenated, SmsParts.Encoding encoding) {
        var settings = link.settings();
        var source = settings.senderFor(delivery.category());
        try {
            if (!link.enterWindow(properties.responseTimeout())) {
                return new SendResult.Transient("All " + settings.windowOrDefault() + " places of the SMPP window are waiting for the SMS centre",
                        THROTTLED_RETRY);
            }
            try {
                if (!link.takeToken(Duration.ofSeconds(2))) {
                    return new SendResult.Transient("Over " + settings.tpsOrDefault() + " parts a second", THROTTLED_RETRY);
                }
                var session = link.bound();
                var result = session.submitShortMessage(settings.serviceTypeFor(delivery.category()),
                        SmppAddresses.sourceTon(settings, source), SmppAddresses.sourceNpi(settings, source), source.replace("+", ""),
                        TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, destination,
                        new ESMClass(concatenated ? SMPPConstant.ESMCLS_UDHI_INDICATOR_SET : 0), (byte) 0, (byte) 1, null, null,
                        new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                        new GeneralDataCoding(encoding == SmsParts.Encoding.GSM7
                                ? org.jsmpp.bean.Alphabet.ALPHA_DEFAULT : org.jsmpp.bean.Alphabet.ALPHA_UCS2),
                        (byte) 0, payload);
                return new SendResult.Sent(result.getMessageId());
            } finally {
                link.leaveWindow();
            }
        } catch (NegativeResponseException e) {
            return refused(e.getCommandStatus());
        } catch (ResponseTimeoutException e) {
            return new SendResult.Transient("The SMS centre did not answer submit_sm in " + properties.responseTimeout().toSeconds() + " s", null);
        } catch (IOException e) {
            return new SendResult.Transient("SMS centre " + settings.host() + ":" + settings.port() + " unreachable: " + e.getMessage(), null);
        } catch (InvalidResponseException e) {
            return new SendResult.Transient("The SMS centre answered submit_sm with something else: " + e.getMessage(), null);
        } catch (PDUException e) {
            return new SendResult.Permanent("The SMS cannot be put into a submit_sm: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.Transient("Interrupted while waiting for the SMPP window", null);
        }
    }

    private static final List<Integer> TRANSIENT = List.of(SMPPConstant.STAT_ESME_RSYSERR, SMPPConstant.STAT_ESME_RMSGQFUL,
            SMPPConstant.STAT_ESME_RX_T_APPN, SMPPConstant.STAT_ESME_RINVBNDSTS, SMPPConstant.STAT_ESME_RSUBMITFAIL,
            SMPPConstant.STAT_ESME_RUNKNOWNERR);

    static SendResult refused(int status) {
        var code = String.format("0x%08X", status);
        if (status == SMPPConstant.STAT_ESME_RTHROTTLED) {
            return new SendResult.Transient("The SMS centre throttled us (ESME_RTHROTTLED)", THROTTLED_RETRY);
        }
        if (TRANSIENT.contains(status)) {
            return new SendResult.Transient("The SMS centre refused for now (" + code + ")", null);
        }
        return new SendResult.Permanent(switch (status) {
            case SMPPConstant.STAT_ESME_RINVDSTADR -> "The SMS centre does not take this phone number (ESME_RINVDSTADR)";
            case SMPPConstant.STAT_ESME_RINVSRCADR -> "The SMS centre does not allow this sender name (ESME_RINVSRCADR): is it registered?";
            case SMPPConstant.STAT_ESME_RINVSERTYP -> "The SMS centre does not know this service_type (ESME_RINVSERTYP)";
            default -> "The SMS centre refused the SMS (" + code + ")";
        });
    }
}
