package io.beseda.conversation.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.consent.Channel;
import io.beseda.conversation.Conversation;
import io.beseda.conversation.ConversationStatus;
import io.beseda.customer.Customer;
import io.beseda.customer.CustomerHistory;
import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.customer.IdentityKind;
import io.beseda.customer.Segments;
import io.beseda.workspace.UserId;
import io.beseda.workspace.Users;
import io.beseda.workspace.WorkspaceId;

/** Puts together the thread's header and the customer panel beside it, from the customer module's API and our own tables. */
@Component
class ThreadPanels {

    private static final int ORDERS = 5;
    private static final int PAST = 10;

    private final JdbcClient jdbc;
    private final Customers customers;
    private final CustomerHistory history;
    private final Segments segments;
    private final Users users;
    private final Clock clock;

    ThreadPanels(JdbcClient jdbc, Customers customers, CustomerHistory history, Segments segments, Users users, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.history = history;
        this.segments = segments;
        this.users = users;
        this.clock = clock;
    }

    private record HeaderRow(String inbox, @Nullable String team, @Nullable Integer csat) {
    }

    ThreadHeader header(WorkspaceId workspace, Conversation conversation) {
        var row = jdbc.sql("""
                select i.name as inbox, t.name as team,
                       (select q.rating from csat_request q where q.workspace_id = c.workspace_id and q.conversation_id = c.id
                          and q.rating is not null order by q.rated_at desc limit 1) as csat
                from conversation c join inbox i on i.id = c.inbox_id left join team t on t.id = c.team_id
                where c.workspace_id = ? and c.id = ?""")
                .params(workspace.value(), conversation.id())
                .query((r, n) -> new HeaderRow(r.getString("inbox"), r.getString("team"), r.getObject("csat", Integer.class)))
                .single();
        var assignee = conversation.assigneeId() == null ? null
                : users.find(workspace, new UserId(conversation.assigneeId())).map(u -> u.displayName()).orElse("—");
        return new ThreadHeader(conversation, who(workspace, conversation), row.inbox(), row.team(), assignee,
                SlaFlag.of(conversation.responseDueAt(), conversation.slaBreachedAt(), clock.instant()), row.csat());
    }

    private String who(WorkspaceId workspace, Conversation conversation) {
        return customers.find(workspace, conversation.customer()).filter(c -> !c.erased()).map(Customer::name)
                .orElse(conversation.lastAddress());
    }

    CustomerPanel customer(WorkspaceId workspace, Conversation conversation) {
        var customer = customers.get(workspace, conversation.customer());
        var past = past(workspace, customer.id(), conversation.id());
        if (customer.erased()) {
            return new CustomerPanel(customer.id(), null, true, List.of(), List.of(), null, List.of(), null, List.of(), past);
        }
        var identities = customers.identities(workspace, customer.id());
        var phones = identities.stream().filter(i -> i.kind() == IdentityKind.PHONE).map(i -> i.value()).toList();
        var emails = identities.stream().filter(i -> i.kind() == IdentityKind.EMAIL).map(i -> i.value()).toList();
        var cart = history.cart(workspace, customer.id()).filter(c -> !c.empty())
                .map(c -> new CustomerPanel.Cart(c.items().stream().map(ThreadPanels::item).toList(), Amounts.format(c.total(), c.currency())))
                .orElse(null);
        var orders = history.orders(workspace, customer.id()).stream().limit(ORDERS)
                .map(o -> new CustomerPanel.Order(o.orderId(), o.status(), Amounts.format(o.total(), o.currency()), o.placedAt()))
                .toList();
        return new CustomerPanel(customer.id(), customer.name(), false, phones, emails, customer.city(),
                segments.of(workspace, customer.id()), cart, orders, past);
    }

    private static CustomerPanel.Item item(Map<String, Object> item) {
        var name = item.getOrDefault("name", item.getOrDefault("productId", "—"));
        return new CustomerPanel.Item(String.valueOf(name), item.get("quantity") instanceof Number n ? n.longValue() : 1);
    }

    /** The customer's other conversations, including those of profiles merged into theirs. */
    private List<CustomerPanel.Past> past(WorkspaceId workspace, CustomerId customer, UUID current) {
        var ids = new ArrayList<UUID>();
        ids.add(customer.value());
        customers.merges(workspace, customer).forEach(m -> ids.add(m.merged().value()));
        return jdbc.sql("""
                select c.id, i.name as inbox, c.status, c.last_channel, c.last_message_at
                from conversation c join inbox i on i.id = c.inbox_id
                where c.workspace_id = ? and c.customer_id = any(?) and c.id <> ?
                order by c.last_message_at desc limit ?""")
                .params(workspace.value(), ids.toArray(UUID[]::new), current, PAST)
                .query((r, n) -> new CustomerPanel.Past(r.getObject("id", UUID.class), r.getString("inbox"),
                        ConversationStatus.valueOf(r.getString("status")), Channel.valueOf(r.getString("last_channel")),
                        r.getTimestamp("last_message_at").toInstant()))
                .list();
    }
}
