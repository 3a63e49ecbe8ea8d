package io.beseda.channel.smpp;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.jsmpp.PDUException;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageState;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;

/**
 * An SMS centre in the test's JVM, on jSMPP's server classes: takes bind_transceiver from the accounts it knows
 * (system_id → password), keeps every submit_sm it accepts, throttles when told to, delivers customers' SMS and
 * delivery receipts over the bound session, and can drop every connection as a broken network would.
 */
final class SmscStandIn implements ServerMessageReceiverListener, AutoCloseable {

    /** One submit_sm as the SMS centre took it. */
    record Submitted(String systemId, String messageId, String serviceType, String source, byte sourceTon, String destination,
                     byte esmClass, byte dataCoding, byte registeredDelivery, byte[] shortMessage) {

        boolean concatenated() {
            return (esmClass & SMPPConstant.ESMCLS_UDHI_INDICATOR_SET) != 0;
        }

        /** The part's text, its concatenation header read off. */
        String text() {
            var bytes = concatenated() ? Udh.read(shortMessage).payload() : shortMessage;
            return SmsText.decode(dataCoding, bytes);
        }

        Udh header() {
            return Udh.read(shortMessage);
        }
    }

    final int port;
    private final SMPPServerSessionListener listener;
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final Map<String, SMPPServerSession> sessions = new ConcurrentHashMap<>();
    private final Map<SMPPServerSession, String> systemIds = new ConcurrentHashMap<>();
    final List<Submitted> submitted = new CopyOnWriteArrayList<>();
    private final AtomicInteger throttleAfter = new AtomicInteger(-1);
    private final AtomicInteger throttleCount = new AtomicInteger();
    private final AtomicLong ids = new AtomicLong(0x1A2B3C00L);
    private final AtomicInteger binds = new AtomicInteger();
    private final java.util.concurrent.ExecutorService accepting = Executors.newVirtualThreadPerTaskExecutor();

    SmscStandIn() throws IOException {
        try (var probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        listener = new SMPPServerSessionListener(port);
        listener.setMessageReceiverListener(this);
        accepting.execute(this::acceptForever);
    }

    void account(String systemId, String password) {
        passwords.put(systemId, password);
    }

    private void acceptForever() {
        while (true) {
            SMPPServerSession session;
            try {
                session = listener.accept();
            } catch (IOException e) {
                return;
            }
            accepting.execute(() -> bind(session));
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            var request = session.waitForBind(5_000);
            var expected = passwords.get(request.getSystemId());
            if (expected == null) {
                request.reject(SMPPConstant.STAT_ESME_RINVSYSID);
                return;
            }
            if (!expected.equals(request.getPassword())) {
                request.reject(SMPPConstant.STAT_ESME_RINVPASWD);
                return;
            }
            request.accept("StandInSMSC");
            sessions.put(request.getSystemId(), session);
            systemIds.put(session, request.getSystemId());
            binds.incrementAndGet();
        } catch (TimeoutException | IOException | org.jsmpp.PDUStringException | IllegalStateException e) {
            session.close();
        }
    }

    /** How many binds the SMS centre accepted so far. */
    int binds() {
        return binds.get();
    }

    boolean bound(String systemId) {
        var session = sessions.get(systemId);
        return session != null && session.getSessionState().isBound();
    }

    /** Accepts {@code accepted} more submit_sm, then answers ESME_RTHROTTLED to the next {@code throttled}. */
    void throttle(int accepted, int throttled) {
        throttleAfter.set(accepted);
        throttleCount.set(throttled);
    }

    /** Drops every connection, as a broken network or a restarted SMS centre would. */
    void dropConnections() {
        sessions.values().forEach(SMPPServerSession::close);
        sessions.clear();
    }

    List<Submitted> submittedBy(String systemId) {
        return submitted.stream().filter(s -> s.systemId().equals(systemId)).toList();
    }

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
        if (throttleAfter.get() == 0 && throttleCount.get() > 0) {
            if (throttleCount.decrementAndGet() == 0) {
                throttleAfter.set(-1);
            }
            throw new ProcessRequestException("Throttled", SMPPConstant.STAT_ESME_RTHROTTLED);
        }
        if (throttleAfter.get() > 0) {
            throttleAfter.decrementAndGet();
        }
        var id = Long.toHexString(ids.incrementAndGet());
        submitted.add(new Submitted(systemIds.getOrDefault(source, "?"), id, submitSm.getServiceType(), submitSm.getSourceAddr(),
                submitSm.getSourceAddrTon(), submitSm.getDestAddress(), submitSm.getEsmClass(), submitSm.getDataCoding(),
                submitSm.getRegisteredDelivery(), submitSm.getShortMessage()));
        try {
            return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
        } catch (org.jsmpp.PDUStringException e) {
            throw new ProcessRequestException("Bad id", SMPPConstant.STAT_ESME_RSYSERR);
        }
    }

    /** Delivers a customer's SMS; answers the deliver_sm_resp's command status (0 for taken). */
    int deliver(String systemId, String from, byte esmClass, byte dataCoding, byte[] shortMessage) {
        return send(systemId, from, "Shop", new ESMClass(esmClass), dataCoding, shortMessage);
    }

    /** A delivery receipt as SMPP 3.4's appendix B writes it, with or without the receipted_message_id and message_state TLVs. */
    int receipt(String systemId, String messageId, String stat, @Nullable MessageState state) {
        var text = "id:" + messageId + " sub:001 dlvrd:" + ("DELIVRD".equals(stat) ? "001" : "000")
                + " submit date:2607011200 done date:2607011201 stat:" + stat + " err:" + ("DELIVRD".equals(stat) ? "000" : "001")
                + " text:";
        OptionalParameter[] tlvs = state == null ? new OptionalParameter[0] : new OptionalParameter[] {
                new OptionalParameter.Receipted_message_id(messageId), new OptionalParameter.Message_state(state.value())};
        return send(systemId, "Shop", "79050000000", new ESMClass(SMPPConstant.ESMCLS_SMSC_DELIV_RECEIPT), (byte) 0,
                text.getBytes(StandardCharsets.ISO_8859_1), tlvs);
    }

    private int send(String systemId, String from, String to, ESMClass esm, byte dataCoding, byte[] message, OptionalParameter... tlvs) {
        var session = sessions.get(systemId);
        if (session == null) {
            throw new IllegalStateException(systemId + " is not bound");
        }
        try {
            session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, from,
                    TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, to, esm, (byte) 0, (byte) 0,
                    new RegisteredDelivery(0), new GeneralDataCoding() {
                        @Override
                        public byte toByte() {
                            return dataCoding;
                        }
                    }, message, tlvs);
            return 0;
        } catch (NegativeResponseException e) {
            return e.getCommandStatus();
        } catch (PDUException | ResponseTimeoutException | InvalidResponseException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        dropConnections();
        listener.close();
        accepting.shutdownNow();
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("Not here", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("Not here", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("Not here", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("Not here", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("Not here", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("Not here", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw new ProcessRequestException("Not here", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("Not here", SMPPConstant.STAT_ESME_RINVCMDID);
    }
}
