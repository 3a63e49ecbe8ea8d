package io.beseda.channel.email;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import io.beseda.channel.Attachment;
import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.MessageId;
import io.beseda.channel.MessageStatus;
import io.beseda.channel.OutboundMessage;
import io.beseda.channel.QuickReply;
import io.beseda.channel.conformance.ConnectorConformance;
import io.beseda.consent.Channel;
import io.beseda.consent.MessageCategory;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.testing.BesedaTest;
import io.beseda.workspace.WorkspaceId;

/**
 * The e-mail connector against GreenMail passes the connector kit: the customer's mails reach the shop's
 * mailbox, where the account's reader finds them; a button press is the customer answering our mail with one
 * of its quick replies (what its mailto link fills in).
 */
@BesedaTest
@TestPropertySource(properties = {EmailTestSupport.POLL, EmailTestSupport.CHECK, EmailTestSupport.IDLE, EmailTestSupport.TIMEOUT})
class EmailConformanceTests extends ConnectorConformance {

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    MailboxReaders readers;

    @Autowired
    Customers customers;

    @Override
    protected ChannelAccount connect(WorkspaceId workspace) {
        return EmailTestSupport.connect(accounts, readers, workspace, Map.of());
    }

    @AfterEach
    void disconnect() {
        accounts.setEnabled(workspace, account.id(), false);
        readers.match();
    }

    @Override
    protected @Nullable String whyNothingCanBeForged() {
        return "E-mail has no webhook: Beseda reads the shop's own mailbox over IMAP with the shop's password, so there is "
                + "no request to forge; EmailTests shows that a mail pretending to be a bounce is not taken for one";
    }

    @Override
    protected String sender() {
        return MailServer.newAddress("buyer");
    }

    @Override
    protected String storedId(String providerMessageId) {
        return "<" + providerMessageId + "@customer.test>";
    }

    @Override
    protected int deliver(ChannelAccount account, CustomerSends message, boolean signedCorrectly) {
        try {
            String inReplyTo = null;
            if (message.buttonPayload() != null) {
                inReplyTo = mailWithButton(message.from(), String.valueOf(message.text()), message.buttonPayload());
            }
            var files = message.photo() == null ? new Mails.FilePart[0]
                    : new Mails.FilePart[] {new Mails.FilePart("брак.png", "image/png", message.photo())};
            MailServer.get().deliverAndWait(jdbc, account, Mails.fromCustomer(storedId(message.providerMessageId()), message.from(),
                    "Вопрос", String.valueOf(message.text()), inReplyTo, inReplyTo, files));
            return 200;
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Our mail with the button, sent to the customer first: their answer is what pressing it makes. */
    private String mailWithButton(String to, String title, String payload) {
        var customer = customers.resolve(workspace, List.of(Identity.email(to)), Instant.now()).orElseThrow();
        var id = outbox.queue(workspace, new OutboundMessage(customer, Channel.EMAIL, MessageCategory.SERVICE, "Подтверждаете заказ?",
                to, "button-" + UUID.randomUUID(), false, Duration.ofHours(1), List.of(new QuickReply(title, payload)),
                List.<Attachment>of()));
        dispatcher.dispatchDue();
        return outbox.find(workspace, id).orElseThrow().providerMessageId();
    }

    @Override
    protected ProviderCopy received(ChannelAccount account, MessageId message) {
        var providerId = outbox.find(workspace, message).orElseThrow().providerMessageId();
        var mail = MailServer.get().sent(providerId);
        try {
            return new ProviderCopy(EmailTestSupport.part(mail, "text/plain"), EmailTestSupport.buttonTitles(mail),
                    EmailTestSupport.fileTypes(mail));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected boolean reportsReceipts() {
        return false;
    }

    @Override
    protected int receipt(ChannelAccount account, String providerMessageId, MessageStatus status) {
        throw new UnsupportedOperationException("E-mail reports neither delivery nor reading (only failure, by a bounce)");
    }
}
