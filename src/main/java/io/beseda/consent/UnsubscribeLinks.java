package io.beseda.consent;

import java.util.LinkedHashMap;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.workspace.WorkspaceId;

/**
 * Signed links that let a customer refuse marketing in one channel without signing in: {@code /u/<token>}
 * shows a confirmation and a POST to it (a person's click, or a mail client's RFC 8058 one-click
 * request) withdraws the consent at once. Put {@link #path} into every marketing message and its
 * {@code List-Unsubscribe} header.
 */
@Service
public class UnsubscribeLinks {

    private final UnsubscribeTokens tokens;
    private final Customers customers;
    private final Consents consents;

    UnsubscribeLinks(UnsubscribeKey key, Customers customers, Consents consents) {
        this.tokens = new UnsubscribeTokens(key::bytes);
        this.customers = customers;
        this.consents = consents;
    }

    public String token(WorkspaceId workspace, CustomerId customer, Channel channel) {
        return tokens.issue(new UnsubscribeTarget(workspace, customers.get(workspace, customer).id(), channel));
    }

    /** The path of the customer's unsubscribe page, to put after the installation's public address. */
    public String path(WorkspaceId workspace, CustomerId customer, Channel channel) {
        return "/u/" + token(workspace, customer, channel);
    }

    /** Whom a link is for, when it is genuine and its customer exists (a merged customer leads to the survivor). */
    public Optional<UnsubscribeTarget> read(String token) {
        return tokens.read(token).flatMap(target -> customers.find(target.workspaceId(), target.customerId())
                .map(customer -> new UnsubscribeTarget(target.workspaceId(), customer.id(), target.channel())));
    }

    /**
     * Withdraws marketing consent in the link's channel; empty when the link is not genuine.
     *
     * @param ip       where the request came from, kept as proof
     * @param device   the browser or mail client (User-Agent), kept as proof
     * @param oneClick whether a mail client sent it (RFC 8058) rather than a person on the page
     */
    @Transactional
    public Optional<ConsentRecord> unsubscribe(String token, @Nullable String ip, @Nullable String device, boolean oneClick) {
        return read(token).map(target -> {
            var proof = new LinkedHashMap<String, Object>();
            proof.put("via", oneClick ? "List-Unsubscribe=One-Click" : "unsubscribe page");
            var refusal = new ConsentChange(ConsentPurpose.MARKETING, target.channel(), null, false, null,
                    ConsentSource.UNSUBSCRIBE_LINK, ip, device, proof);
            return consents.refuseMarketing(target.workspaceId(), target.customerId(), refusal);
        });
    }
}
