package io.beseda.channel.webchat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.customer.IdentityKind;
import io.beseda.workspace.WorkspaceId;

/**
 * Who is behind a widget. An anonymous visitor is their visitor id, nothing more, and gets no profile until
 * they write. A shop's signed-in customer is proved by the shop's signature of their id; only then are the
 * visitor, the shop's id and the e-mail and phone joined in one profile. The e-mail and phone are not
 * covered by the signature, so they join only when they belong to nobody else: a page cannot pull a
 * stranger's profile (and their chat) into its own by naming their e-mail.
 */
@Component
class VisitorIdentities {

    static final Pattern VISITOR_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private final Customers customers;
    private final Clock clock;

    VisitorIdentities(Customers customers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
    }

    /** The visitor id a widget brought, or a fresh one for a widget that has none yet (or a broken one). */
    static String visitorId(@Nullable String given) {
        return given != null && VISITOR_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    Optional<CustomerId> known(WorkspaceId workspace, String visitorId) {
        return customers.findBy(workspace, visitor(visitorId));
    }

    /**
     * Joins the visitor to the shop's customer. Answers the visitor id to use from now on: a new one when
     * this browser's visitor already belongs to another shop customer (a shared computer), whose chat the
     * one signing in must not see.
     */
    Identified identify(WorkspaceId workspace, String visitorId, String secret, ClientFrame.Identify claim) {
        var shopId = claim.shopCustomerId() == null ? "" : claim.shopCustomerId().strip();
        if (shopId.isEmpty() || shopId.length() > 200 || claim.signature() == null
                || !IdentityProof.verify(secret, shopId, claim.signature())) {
            throw new WidgetRefusal("identity-signature");
        }
        var shopIdentity = Identity.of(IdentityKind.SHOP_ID, shopId);
        var visitor = visitorId;
        if (belongsToAnotherShopCustomer(workspace, visitor, shopIdentity)) {
            visitor = UUID.randomUUID().toString();
        }
        var identities = new ArrayList<>(List.of(visitor(visitor), shopIdentity));
        var owner = customers.findBy(workspace, shopIdentity).or(() -> customers.findBy(workspace, visitor(visitorId)));
        addIfFree(workspace, identities, owner.orElse(null), claim.email() == null ? null : Identity.email(claim.email()));
        addIfFree(workspace, identities, owner.orElse(null), claim.phone() == null ? null : Identity.phone(claim.phone()));
        var customer = customers.resolve(workspace, identities, clock.instant())
                .orElseThrow(() -> new WidgetRefusal("customer-erased"));
        var name = claim.name() == null || claim.name().isBlank() ? null : claim.name().strip();
        return new Identified(visitor, customer, name == null || name.length() > 200 ? null : name);
    }

    record Identified(String visitorId, CustomerId customer, @Nullable String name) {
    }

    private boolean belongsToAnotherShopCustomer(WorkspaceId workspace, String visitorId, Identity shopIdentity) {
        return known(workspace, visitorId).map(current -> customers.identities(workspace, current).stream()
                .anyMatch(i -> i.kind() == IdentityKind.SHOP_ID && !i.value().equals(shopIdentity.value()))).orElse(false);
    }

    private void addIfFree(WorkspaceId workspace, List<Identity> identities, @Nullable CustomerId owner, @Nullable Identity contact) {
        if (contact == null || contact.value().isBlank() || !contact.valid()) {
            return;
        }
        var holder = customers.findBy(workspace, contact);
        if (holder.isEmpty() || holder.get().equals(owner)) {
            identities.add(contact);
        }
    }

    static Identity visitor(String visitorId) {
        return Identity.of(IdentityKind.VISITOR, visitorId);
    }
}
