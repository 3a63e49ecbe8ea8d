package io.beseda.customer.tracker;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.customer.IdentityKind;
import io.beseda.workspace.WorkspaceId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides which identities of a tracker event may be used. A page is anonymous, so the visitor id it
 * keeps is all it can prove. A phone, e-mail or shop id it claims is used only when the shop signed it,
 * or when it belongs to no one else yet; messenger ids are never taken from a page.
 * One instance serves one batch and remembers the owners it looked up.
 */
final class IdentityClaims {

    private static final Map<String, IdentityKind> CLAIMABLE = Map.of(
            "phone", IdentityKind.PHONE, "email", IdentityKind.EMAIL, "shopCustomerId", IdentityKind.SHOP_ID);

    private final Customers customers;
    private final WorkspaceId workspace;
    private final SignedIdentity signed;
    private final Map<String, Optional<CustomerId>> owners = new HashMap<>();
    private int dropped;

    IdentityClaims(Customers customers, WorkspaceId workspace, SignedIdentity signed) {
        this.customers = customers;
        this.workspace = workspace;
        this.signed = signed;
    }

    /** The event's customer with only the identities that may be used: visitorId, and the claims that hold. */
    ObjectNode admit(JsonNode customer) {
        var admitted = JsonNodeFactory.instance.objectNode();
        var visitor = customer.path("visitorId");
        if (!visitor.isString() || visitor.asString().isBlank()) {
            dropped += customer.size();
            return admitted;
        }
        admitted.put("visitorId", visitor.asString());
        var visitorOwner = owner(IdentityKind.VISITOR, visitor.asString());
        for (var field : customer.propertyNames()) {
            if (field.equals("visitorId")) {
                continue;
            }
            var value = customer.get(field);
            if (CLAIMABLE.containsKey(field) && value.isString() && !value.asString().isBlank()
                    && holds(field, value.asString(), visitorOwner)) {
                admitted.put(field, value.asString());
            } else if (!value.isNull()) {
                dropped++;
            }
        }
        return admitted;
    }

    /** How many claimed identities were left out so far. */
    int dropped() {
        return dropped;
    }

    private boolean holds(String field, String value, Optional<CustomerId> visitorOwner) {
        if (signed.vouchesFor(field, value)) {
            return true;
        }
        var owner = owner(CLAIMABLE.get(field), value);
        return owner.isEmpty() || (visitorOwner.isPresent() && Objects.equals(owner, visitorOwner));
    }

    private Optional<CustomerId> owner(IdentityKind kind, String value) {
        var identity = Identity.of(kind, value);
        return owners.computeIfAbsent(identity.toString(), key -> customers.findBy(workspace, identity));
    }
}
