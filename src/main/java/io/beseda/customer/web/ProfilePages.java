package io.beseda.customer.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.beseda.customer.Customer;
import io.beseda.customer.CustomerHistory;
import io.beseda.customer.CustomerId;
import io.beseda.customer.CustomerProfiles;
import io.beseda.customer.Customers;
import io.beseda.customer.web.ProfilePage.AttributeLine;
import io.beseda.customer.web.ProfilePage.CartView;
import io.beseda.customer.web.ProfilePage.Cursor;
import io.beseda.customer.web.ProfilePage.IdentityLine;
import io.beseda.customer.web.ProfilePage.ItemLine;
import io.beseda.customer.web.ProfilePage.MergeLine;
import io.beseda.customer.web.ProfilePage.OrderView;
import io.beseda.customer.web.ProfilePage.StatusLine;
import io.beseda.customer.web.ProfilePage.TimelineLine;
import io.beseda.customer.web.ProfilePage.TimelinePage;
import io.beseda.shared.NotFoundException;
import io.beseda.workspace.WorkspaceId;

/** Puts a customer's profile page together from the customer module's API. */
@Component
class ProfilePages {

    static final int TIMELINE_PAGE = 30;
    private static final int RECENT_VIEWS = 12;
    private static final int CUSTOM_DETAILS = 8;

    private final Customers customers;
    private final CustomerHistory history;
    private final CustomerProfiles profiles;
    private final TimelineText texts;

    ProfilePages(Customers customers, CustomerHistory history, CustomerProfiles profiles, TimelineText texts) {
        this.customers = customers;
        this.history = history;
        this.profiles = profiles;
        this.texts = texts;
    }

    /** The customer behind an id from a URL; a malformed, unknown or foreign id is simply not found. */
    Customer customer(WorkspaceId workspace, String id) {
        try {
            return customers.get(workspace, new CustomerId(UUID.fromString(id)));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Customer", id);
        }
    }

    /** @param after where the timeline starts, or null for the newest entries */
    ProfilePage page(WorkspaceId workspace, Customer customer, @Nullable Cursor after, Locale locale) {
        if (customer.erased()) {
            return new ProfilePage(customer, null, List.of(), List.of(), null, List.of(), List.of(),
                    new TimelinePage(List.of(), null), List.of());
        }
        var id = customer.id();
        var identities = customers.identities(workspace, id).stream()
                .map(i -> new IdentityLine(i.kind().name(), i.value(), i.valid())).toList();
        var cart = history.cart(workspace, id).filter(c -> !c.empty()).map(this::cart).orElse(null);
        var orders = history.orders(workspace, id).stream().map(o -> order(o, locale)).toList();
        var merges = customers.merges(workspace, id).stream()
                .map(m -> new MergeLine(m.merged().toString(), m.reason(), m.at())).toList();
        return new ProfilePage(customer, CustomerRow.readable(customer.phone(), customer.phoneValid()), identities,
                attributes(workspace, customer), cart, orders,
                history.recentViews(workspace, id, RECENT_VIEWS), timeline(workspace, id, after, locale), merges);
    }

    TimelinePage timeline(WorkspaceId workspace, CustomerId customer, @Nullable Cursor after, Locale locale) {
        var entries = history.timeline(workspace, customer,
                after == null ? null : new CustomerHistory.Cursor(after.before(), after.last()), TIMELINE_PAGE + 1);
        var page = entries.subList(0, Math.min(entries.size(), TIMELINE_PAGE));
        var lines = page.stream().map(e -> new TimelineLine(e.eventId(), e.type(), e.custom(), texts.describe(e, locale),
                e.occurredAt(), e.custom() ? details(e.properties()) : List.of())).toList();
        var last = page.isEmpty() ? null : page.getLast();
        var older = entries.size() > TIMELINE_PAGE && last != null ? new Cursor(last.occurredAt(), last.eventId()) : null;
        return new TimelinePage(lines, older);
    }

    private List<AttributeLine> attributes(WorkspaceId workspace, Customer customer) {
        var labels = new HashMap<String, String>();
        profiles.attributes(workspace).forEach(a -> labels.put(a.key(), a.label() == null ? a.key() : a.label()));
        return customer.attributes().entrySet().stream()
                .map(e -> new AttributeLine(labels.getOrDefault(e.getKey(), e.getKey()), String.valueOf(e.getValue())))
                .sorted(Comparator.comparing(AttributeLine::label)).toList();
    }

    private CartView cart(CustomerHistory.Cart cart) {
        return new CartView(items(cart.items(), cart.currency()), Money.format(cart.total(), cart.currency()), cart.updatedAt());
    }

    private OrderView order(CustomerHistory.Order order, Locale locale) {
        var history = order.history().stream().map(s -> new StatusLine(texts.orderStatus(s.status(), locale), s.at())).toList();
        return new OrderView(order.orderId(), texts.orderStatus(order.status(), locale),
                Money.format(order.total(), order.currency()), order.placedAt(), history, items(order.items(), order.currency()));
    }

    private static List<ItemLine> items(List<Map<String, Object>> items, String currency) {
        return items.stream().map(item -> {
            var name = item.getOrDefault("name", item.getOrDefault("productId", "—"));
            var quantity = item.get("quantity") instanceof Number n ? n.longValue() : 1;
            BigDecimal price = TimelineText.amount(item.get("price"));
            return new ItemLine(String.valueOf(name), quantity, price == null ? null : Money.format(price, currency));
        }).toList();
    }

    /** A custom event's properties as «key: value» lines, long values cut short. */
    private static List<String> details(Map<String, Object> properties) {
        var lines = new ArrayList<String>();
        properties.entrySet().stream().limit(CUSTOM_DETAILS).forEach(e -> {
            var value = String.valueOf(e.getValue());
            lines.add(e.getKey() + ": " + (value.length() > 200 ? value.substring(0, 200) + "…" : value));
        });
        return lines;
    }
}
