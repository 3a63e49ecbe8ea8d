package io.beseda.channel.webchat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.beseda.channel.Attachment;
import io.beseda.channel.Attachments;
import io.beseda.channel.InboundMessage;
import io.beseda.channel.InboundMessages;
import io.beseda.consent.Channel;
import io.beseda.consent.ConsentChange;
import io.beseda.consent.ConsentPurpose;
import io.beseda.consent.ConsentSource;
import io.beseda.consent.ConsentStatus;
import io.beseda.consent.Consents;
import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.shared.GroupCommit;
import io.beseda.workspace.Actor;
import io.beseda.workspace.WorkspaceId;

/**
 * What a visitor writes in the widget becomes an inbound message, stored once per client message id (a
 * message resent after a reconnect is recognised), with the photos they uploaded. Where the account asks
 * for consent to the processing of personal data, the first message carries the ticked box, and the grant
 * is written to the consent ledger in the same transaction as the message: neither exists without the other.
 */
@Component
class VisitorMessages {

    static final int MAX_TEXT = 4096;
    static final int MAX_ATTACHMENTS = 5;
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");

    /** What the visitor sent: text or photos or both, or a quick reply pressed. */
    record Post(String clientId, @Nullable String text, List<String> attachmentUrls, @Nullable String buttonPayload,
                boolean consentTicked) {
    }

    /** Where the message came from, for the consent ledger's proof. */
    record Origin(@Nullable String ip, @Nullable String device, @Nullable String site) {
    }

    /** @param messageId empty when the message was already stored (a resend) */
    record Stored(CustomerId customer, Optional<UUID> messageId, List<Attachment> attachments) {
    }

    private final InboundMessages inbound;
    private final Attachments attachments;
    private final Consents consents;
    private final Customers customers;
    private final GroupCommit groupCommit;
    private final Clock clock;

    VisitorMessages(InboundMessages inbound, Attachments attachments, Consents consents, Customers customers,
                    GroupCommit groupCommit, Clock clock) {
        this.groupCommit = groupCommit;
        this.inbound = inbound;
        this.attachments = attachments;
        this.consents = consents;
        this.customers = customers;
        this.clock = clock;
    }

    static String clientId(@Nullable String given) {
        if (given == null || !CLIENT_ID.matcher(given).matches()) {
            throw new WidgetRefusal("client-id");
        }
        return given;
    }

    /** Whether this account still has to ask this customer for consent before their first message. */
    boolean consentNeeded(WebChatAccount account, @Nullable CustomerId customer) {
        return account.settings().consentRequired() && (customer == null
                || consents.status(account.workspaceId(), customer, ConsentPurpose.PD_PROCESSING, Channel.WEBCHAT) != ConsentStatus.GRANTED);
    }

    /**
     * Stores what the visitor sent. Checks that need no database come first; the rest runs in a transaction
     * shared with other visitors' messages of the same moment ({@link GroupCommit}) and returns after the commit.
     */
    Stored post(WebChatAccount account, String visitorId, @Nullable String name, Post post, Origin origin) {
        var text = text(post);
        if ((text == null || text.isEmpty()) && post.attachmentUrls().isEmpty()) {
            throw new WidgetRefusal("empty", post.clientId());
        }
        if (post.attachmentUrls().size() > MAX_ATTACHMENTS) {
            throw new WidgetRefusal("too-many-files", post.clientId());
        }
        // keyed as InboundMessages keys it: one visitor's messages commit in the order they were sent
        return groupCommit.run(List.of(account.workspaceId(), VisitorIdentities.visitor(visitorId)),
                () -> store(account, visitorId, name, post, text, origin));
    }

    private Stored store(WebChatAccount account, String visitorId, @Nullable String name, Post post, @Nullable String text,
                         Origin origin) {
        var workspace = account.workspaceId();
        var files = files(workspace, post);
        if (account.settings().consentRequired()) {
            var customer = customers.findBy(workspace, VisitorIdentities.visitor(visitorId)).orElse(null);
            if (consentNeeded(account, customer)) {
                if (!post.consentTicked()) {
                    throw new WidgetRefusal("consent-required", post.clientId());
                }
                grantConsent(account, visitorId, post, origin);
            }
        }
        var message = new InboundMessage(Channel.WEBCHAT, visitorId + ":" + post.clientId(), VisitorIdentities.visitor(visitorId),
                name, text, files, post.buttonPayload(), clock.instant());
        var accepted = inbound.accept(workspace, account.id(), message)
                .orElseThrow(() -> new WidgetRefusal("customer-erased", post.clientId()));
        return new Stored(accepted.customer(), accepted.messageId(), files);
    }

    private void grantConsent(WebChatAccount account, String visitorId, Post post, Origin origin) {
        var workspace = account.workspaceId();
        var customer = customers.resolve(workspace, List.of(VisitorIdentities.visitor(visitorId)), clock.instant())
                .orElseThrow(() -> new WidgetRefusal("customer-erased", post.clientId()));
        var proof = new java.util.LinkedHashMap<String, Object>();
        proof.put("account", account.id().toString());
        proof.put("clientMessageId", post.clientId());
        if (origin.site() != null) {
            proof.put("site", origin.site());
        }
        consents.record(Actor.system(workspace, "visitor via web chat"), customer, new ConsentChange(ConsentPurpose.PD_PROCESSING,
                null, null, true, account.settings().consentVersion(), ConsentSource.WIDGET, origin.ip(), origin.device(), Map.copyOf(proof)));
    }

    private static @Nullable String text(Post post) {
        if (post.text() == null) {
            return null;
        }
        var text = post.text().strip();
        if (text.length() > MAX_TEXT) {
            throw new WidgetRefusal("text-too-long", post.clientId());
        }
        return text;
    }

    /** The photos the message carries, read back from the links the upload answered: only this workspace's files. */
    private List<Attachment> files(WorkspaceId workspace, Post post) {
        var files = new ArrayList<Attachment>();
        for (var url : post.attachmentUrls()) {
            var file = url == null ? Optional.<Attachments.File>empty() : attachments.fromUrl(workspace, url);
            if (file.isEmpty() || !Photos.isPhoto(file.get().content())) {
                throw new WidgetRefusal("file-unknown", post.clientId());
            }
            files.add(new Attachment(url, file.get().mimeType(), file.get().content().length, file.get().name()));
        }
        return files;
    }
}
