package io.beseda.customer.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.customer.Customer;
import io.beseda.customer.CustomerDirectory;
import io.beseda.customer.CustomerHistory;
import io.beseda.customer.CustomerId;
import io.beseda.customer.CustomerProfiles;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.customer.IdentityKind;
import io.beseda.shared.RuleViolationException;
import io.beseda.workspace.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Customers", description = "Profiles, identities, history, cart and orders")
class CustomersApiController {

    private final Customers customers;
    private final CustomerDirectory directory;
    private final CustomerHistory history;
    private final CustomerProfiles profiles;

    CustomersApiController(Customers customers, CustomerDirectory directory, CustomerHistory history,
                           CustomerProfiles profiles) {
        this.customers = customers;
        this.directory = directory;
        this.history = history;
        this.profiles = profiles;
    }

    @GetMapping("/customers")
    @Operation(summary = "Search customers by name, phone or e-mail")
    Map<String, Object> search(Actor actor, @RequestParam(required = false) String query,
                               @RequestParam(required = false) String city,
                               @RequestParam(defaultValue = "false") boolean withCart,
                               @RequestParam(defaultValue = "false") boolean withOrder,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        var result = directory.search(actor.workspaceId(), new CustomerDirectory.Query(query, city, withCart, withOrder, page, size));
        return Map.of("customers", result.customers().stream().map(c -> CustomerView.of(c, null)).toList(),
                "total", result.total(), "page", result.page(), "size", result.size());
    }

    @PostMapping("/customers")
    @Operation(summary = "Find or create the customer these identities belong to (merging profiles they join)")
    ResponseEntity<CustomerView> resolve(Actor actor, @Valid @RequestBody IdentitiesRequest request) {
        var identities = request.identities();
        if (identities.isEmpty()) {
            throw new RuleViolationException("customer.identity.required", "Give at least one identity, e.g. phone or email");
        }
        var id = customers.resolve(actor.workspaceId(), identities, Instant.now()).orElseThrow(() ->
                new RuleViolationException("customer.erased", "These identities belong to a customer whose data was erased"));
        return ResponseEntity.ok(view(actor, id));
    }

    @GetMapping("/customers/{customerId}")
    @Operation(summary = "A customer's profile with identities")
    CustomerView get(Actor actor, @PathVariable UUID customerId) {
        return view(actor, new CustomerId(customerId));
    }

    @PatchMapping("/customers/{customerId}")
    @Operation(summary = "Change name, birthday, gender, city, time zone or custom attributes")
    CustomerView change(Actor actor, @PathVariable UUID customerId, @Valid @RequestBody ProfileRequest request) {
        var zone = request.timeZone() == null ? null : zone(request.timeZone());
        profiles.change(actor.workspaceId(), new CustomerId(customerId), new CustomerProfiles.Change(request.name(),
                request.birthday(), request.gender(), request.city(), zone, request.attributes()));
        return view(actor, new CustomerId(customerId));
    }

    @GetMapping("/customers/{customerId}/timeline")
    @Operation(summary = "Storefront events, newest first",
            description = "For the next page pass the last entry's occurredAt as 'before' and its eventId as 'last'.")
    List<CustomerHistory.TimelineEntry> timeline(Actor actor, @PathVariable UUID customerId,
                                                 @RequestParam(required = false) Instant before,
                                                 @RequestParam(required = false) String last,
                                                 @RequestParam(defaultValue = "100") int limit) {
        var customer = customers.get(actor.workspaceId(), new CustomerId(customerId));
        var after = before == null ? null : new CustomerHistory.Cursor(before, last == null ? "" : last);
        return history.timeline(actor.workspaceId(), customer.id(), after, Math.clamp(limit, 1, 500));
    }

    @GetMapping("/customers/{customerId}/cart")
    @Operation(summary = "The customer's current cart")
    CustomerHistory.Cart cart(Actor actor, @PathVariable UUID customerId) {
        var customer = customers.get(actor.workspaceId(), new CustomerId(customerId));
        return history.cart(actor.workspaceId(), customer.id()).orElse(CustomerHistory.Cart.NONE);
    }

    @GetMapping("/customers/{customerId}/orders")
    @Operation(summary = "The customer's orders with their status history")
    List<CustomerHistory.Order> orders(Actor actor, @PathVariable UUID customerId) {
        var customer = customers.get(actor.workspaceId(), new CustomerId(customerId));
        return history.orders(actor.workspaceId(), customer.id());
    }

    @GetMapping("/orders/{orderId}")
    @Operation(summary = "One order by the shop's number for it, with its status history and delivery",
            description = "Orders come in as storefront events (order_placed, order_status_changed).")
    CustomerHistory.Order order(Actor actor, @PathVariable String orderId) {
        return history.order(actor.workspaceId(), orderId).orElseThrow(() -> new io.beseda.shared.NotFoundException("Order", orderId));
    }

    @GetMapping("/customers/{customerId}/merges")
    @Operation(summary = "Profiles that were merged into this one, and why")
    List<Customers.Merge> merges(Actor actor, @PathVariable UUID customerId) {
        var customer = customers.get(actor.workspaceId(), new CustomerId(customerId));
        return customers.merges(actor.workspaceId(), customer.id());
    }

    @GetMapping("/customer-attributes")
    @Operation(summary = "The workspace's custom attributes")
    List<CustomerProfiles.AttributeDefinition> attributes(Actor actor) {
        return profiles.attributes(actor.workspaceId());
    }

    @PutMapping("/customer-attributes")
    @Operation(summary = "Define a custom attribute (its type cannot change later)")
    CustomerProfiles.AttributeDefinition define(Actor actor, @Valid @RequestBody AttributeRequest request) {
        return profiles.define(actor.workspaceId(), new CustomerProfiles.AttributeDefinition(request.key(), request.type(), request.label()));
    }

    private CustomerView view(Actor actor, CustomerId id) {
        var customer = customers.get(actor.workspaceId(), id);
        return CustomerView.of(customer, customers.identities(actor.workspaceId(), customer.id()));
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            throw new RuleViolationException("customer.time-zone", "Unknown time zone '" + id + "'; use an IANA name such as Europe/Moscow");
        }
    }

    record IdentitiesRequest(@Nullable @Size(max = 32) String phone, @Nullable @Size(max = 320) String email,
                             @Nullable @Size(max = 200) String shopCustomerId, @Nullable @Size(max = 200) String visitorId,
                             @Nullable @Size(max = 200) String telegramId, @Nullable @Size(max = 200) String whatsappId,
                             @Nullable @Size(max = 200) String viberId, @Nullable @Size(max = 200) String vkId,
                             @Nullable @Size(max = 200) String maxId) {

        List<Identity> identities() {
            var list = new ArrayList<Identity>();
            add(list, IdentityKind.PHONE, phone);
            add(list, IdentityKind.EMAIL, email);
            add(list, IdentityKind.SHOP_ID, shopCustomerId);
            add(list, IdentityKind.VISITOR, visitorId);
            add(list, IdentityKind.TELEGRAM, telegramId);
            add(list, IdentityKind.WHATSAPP, whatsappId);
            add(list, IdentityKind.VIBER, viberId);
            add(list, IdentityKind.VK, vkId);
            add(list, IdentityKind.MAX, maxId);
            return list;
        }

        private static void add(List<Identity> list, IdentityKind kind, @Nullable String value) {
            if (value != null && !value.isBlank()) {
                list.add(Identity.of(kind, value));
            }
        }
    }

    record ProfileRequest(@Nullable @Size(max = 200) String name, @Nullable LocalDate birthday,
                          Customer.@Nullable Gender gender, @Nullable @Size(max = 100) String city,
                          @Nullable @Size(max = 64) String timeZone, @Nullable Map<String, Object> attributes) {
    }

    record AttributeRequest(@Pattern(regexp = "[a-z][a-z0-9_]{0,62}") String key, CustomerProfiles.AttributeType type,
                            @Nullable @Size(max = 100) String label) {
    }
}
