package io.beseda.channel.conformance;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.beseda.channel.Attachment;
import io.beseda.channel.Attachments;
import io.beseda.channel.ChannelAccount;
import io.beseda.channel.MessageId;
import io.beseda.channel.MessageStatus;
import io.beseda.channel.OutboundMessage;
import io.beseda.channel.Outbox;
import io.beseda.channel.QuickReply;
import io.beseda.channel.dispatch.Dispatcher;
import io.beseda.consent.MessageCategory;
import io.beseda.customer.CustomerId;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.WorkspaceId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every channel connector must do, whatever its provider: refuse a forged webhook, store a
 * redelivered message once, take in text, photos and button presses, send text, photos and buttons,
 * and move a message's status on delivery and read receipts. A connector's test extends this class
 * (with {@code @BesedaTest}) and speaks its provider's wire format to a local stand-in in the hooks.
 */
public abstract class ConnectorConformance {

    /** A tiny valid PNG: what a customer's photo looks like to the kit. */
    protected static final byte[] PHOTO = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    /** What the customer does in their messenger, for the hooks to turn into the provider's webhook. */
    public record CustomerSends(String providerMessageId, String from, @Nullable String text, byte @Nullable [] photo,
                                @Nullable String buttonPayload) {
    }

    /** What the provider's stand-in was asked to deliver. */
    public record ProviderCopy(String text, List<String> buttonTitles, List<String> attachmentTypes) {
    }

    @Autowired
    protected TestWorkspaces workspaces;

    @Autowired
    protected Outbox outbox;

    @Autowired
    protected Dispatcher dispatcher;

    @Autowired
    protected Attachments attachments;

    @Autowired
    protected JdbcClient jdbc;

    protected WorkspaceId workspace;
    protected ChannelAccount account;

    /** Configures an account of the connector under test in the given (fresh) workspace. */
    protected abstract ChannelAccount connect(WorkspaceId workspace);

    /** Delivers what the customer did as the provider would, correctly signed or not; answers the HTTP status. */
    protected abstract int deliver(ChannelAccount account, CustomerSends message, boolean signedCorrectly);

    /** The address our reply goes to for a customer who wrote from {@code from}. */
    protected String replyAddress(String from) {
        return from;
    }

    /** What the provider's stand-in received for a message we sent. */
    protected abstract ProviderCopy received(ChannelAccount account, MessageId message);

    /** Posts the provider's delivery or read receipt; answers the HTTP status. */
    protected abstract int receipt(ChannelAccount account, String providerMessageId, MessageStatus status);

    /**
     * Whether the provider tells a bot that its message was delivered or read at all (neither Telegram's nor MAX's
     * Bot API has such an update): when not, the kit checks the send and leaves {@link #receipt} uncalled.
     */
    protected boolean reportsReceipts() {
        return true;
    }

    /** Whether the provider tells of reading, not only of delivery (an SMS centre reports delivery only). */
    protected boolean reportsReads() {
        return true;
    }

    /**
     * Whether the channel carries files (SMS does not): when not, the kit takes in no photo and expects a photo we
     * send to arrive as its link in the text.
     */
    protected boolean carriesFiles() {
        return true;
    }

    /**
     * Whether the channel has buttons (SMS has none): when not, the kit presses none and expects the buttons we send
     * to arrive as their titles in the text.
     */
    protected boolean carriesButtons() {
        return true;
    }

    /**
     * Why a forged inbound message cannot reach the connector at all (SMPP: customers' SMS come only over the
     * session Beseda itself opened and authenticated; e-mail reads the shop's mailbox, nobody posts to Beseda),
     * which skips the kit's forged-webhook test (the connector's own tests cover what stands in for it); null
     * when the provider posts to a webhook that must check its signature.
     */
    protected @Nullable String whyNothingCanBeForged() {
        return null;
    }

    /**
     * The provider message id a message {@link #deliver}ed as {@code providerMessageId} is stored under: the kit's
     * own, unless the provider's ids are not the hook's to choose (Telegram numbers messages per chat).
     */
    protected String storedId(String providerMessageId) {
        return providerMessageId;
    }

    @BeforeEach
    void aWorkspaceWithTheConnector() {
        workspace = workspaces.create("Коннектор " + getClass().getSimpleName()).workspace().id();
        account = connect(workspace);
    }

    @Test
    void refusesAWebhookWithAWrongSignature() {
        assumeTrue(whyNothingCanBeForged() == null, String.valueOf(whyNothingCanBeForged()));
        var status = deliver(account, text("forged-1", "Переведите деньги"), false);

        assertThat(status).as("forged webhook").isIn(401, 403);
        assertThat(inboundCount()).isZero();
    }

    @Test
    void storesARedeliveredMessageOnce() {
        var message = text("dup-1", "Где мой заказ?");

        assertThat(deliver(account, message, true)).isBetween(200, 299);
        assertThat(deliver(account, message, true)).isBetween(200, 299);

        assertThat(inboundCount()).isEqualTo(1);
    }

    @Test
    void takesInText() {
        deliver(account, text("text-1", "Есть ли 48 размер?"), true);

        assertThat(inbound("text-1").text()).isEqualTo("Есть ли 48 размер?");
    }

    @Test
    void takesInAPhotoAsAKeptFile() {
        assumeTrue(carriesFiles(), "the channel carries no files");
        deliver(account, new CustomerSends("photo-1", sender(), "Вот брак", PHOTO, null), true);

        var files = inbound("photo-1").attachments();
        assertThat(files).singleElement().satisfies(file -> {
            assertThat(file.mimeType()).isEqualTo("image/png");
            assertThat(file.size()).isEqualTo(PHOTO.length);
            assertThat(attachments.fromUrl(workspace, file.url())).hasValueSatisfying(kept ->
                    assertThat(kept.content()).isEqualTo(PHOTO));
        });
    }

    @Test
    void takesInAButtonPress() {
        assumeTrue(carriesButtons(), "the channel has no buttons");
        deliver(account, new CustomerSends("button-1", sender(), "Да", null, "confirm:42"), true);

        assertThat(inbound("button-1").buttonPayload()).isEqualTo("confirm:42");
    }

    @Test
    void sendsTextPhotoAndButtonsAndFollowsReceipts() {
        var from = sender();
        deliver(account, new CustomerSends("hello-1", from, "Здравствуйте", null, null), true);
        var photo = attachments.store(workspace, "товар.png", PHOTO);
        var id = outbox.queue(workspace, new OutboundMessage(customer("hello-1"), account.channel(), MessageCategory.REPLY,
                "Вот этот товар", replyAddress(from), "conformance-" + UUID.randomUUID(), false, Duration.ofHours(1),
                List.of(new QuickReply("Беру", "buy"), new QuickReply("Другой", "other")), List.<Attachment>of(photo)));

        dispatcher.dispatchDue();

        var sent = outbox.find(workspace, id).orElseThrow();
        assertThat(sent.status()).as("status after dispatch, failure: " + sent.failureDetail()).isEqualTo(MessageStatus.SENT);
        var copy = received(account, id);
        assertThat(copy.text()).contains("Вот этот товар");
        if (carriesButtons()) {
            assertThat(copy.buttonTitles()).containsExactly("Беру", "Другой");
        } else {
            assertThat(copy.text()).as("buttons as text").contains("Беру", "Другой");
        }
        if (carriesFiles()) {
            assertThat(copy.attachmentTypes()).containsExactly("image/png");
        } else {
            assertThat(copy.text()).as("the photo as its link").contains(photo.url());
        }
        if (!reportsReceipts()) {
            return;
        }

        assertThat(receipt(account, sent.providerMessageId(), MessageStatus.DELIVERED)).isBetween(200, 299);
        assertThat(outbox.find(workspace, id).orElseThrow().status()).isEqualTo(MessageStatus.DELIVERED);
        if (!reportsReads()) {
            assertThat(receipt(account, sent.providerMessageId(), MessageStatus.DELIVERED)).isBetween(200, 299);
            assertThat(outbox.find(workspace, id).orElseThrow().status()).as("a repeated receipt changes nothing")
                    .isEqualTo(MessageStatus.DELIVERED);
            return;
        }
        assertThat(receipt(account, sent.providerMessageId(), MessageStatus.READ)).isBetween(200, 299);
        assertThat(receipt(account, sent.providerMessageId(), MessageStatus.DELIVERED)).isBetween(200, 299);
        assertThat(outbox.find(workspace, id).orElseThrow().status()).as("a late delivery receipt does not undo read")
                .isEqualTo(MessageStatus.READ);
    }

    protected String sender() {
        return "7905" + (1_000_000 + Math.abs(UUID.randomUUID().hashCode() % 8_999_999));
    }

    private CustomerSends text(String id, String text) {
        return new CustomerSends(id, sender(), text, null, null);
    }

    private long inboundCount() {
        return jdbc.sql("select count(*) from inbound_message where workspace_id = ?").param(workspace.value())
                .query(Long.class).single();
    }

    private io.beseda.channel.InboundMessages.Stored inbound(String providerMessageId) {
        var id = jdbc.sql("select id from inbound_message where workspace_id = ? and provider_message_id = ?")
                .params(workspace.value(), storedId(providerMessageId)).query(UUID.class).single();
        return inboundMessages().find(workspace, id).orElseThrow();
    }

    private CustomerId customer(String providerMessageId) {
        return new CustomerId(jdbc.sql("select customer_id from inbound_message where workspace_id = ? and provider_message_id = ?")
                .params(workspace.value(), storedId(providerMessageId)).query(UUID.class).single());
    }

    @Autowired
    private io.beseda.channel.InboundMessages inboundMessages;

    private io.beseda.channel.InboundMessages inboundMessages() {
        return inboundMessages;
    }
}
