package io.beseda.channel.webchat;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.beseda.customer.CustomerId;
import io.beseda.workspace.WorkspaceId;

/**
 * The widgets open on this node, by visitor and by customer, so a reply reaches every tab a person has
 * open. Two hash maps of small sets: at 5,000 sockets this is a few hundred kilobytes and O(1) per push.
 *
 * <p>Only this node's sockets are here. With several nodes a reply may be dispatched on a node the
 * visitor is not connected to; it is still SENT and shows in the history on the next connect, but it is
 * not pushed live. Pushing across nodes needs a fan-out, decided in docs/decisions/0012-webchat-push-per-node.md.
 */
@Component
class WebChatSessions {

    private record VisitorKey(UUID workspace, String visitor) {
    }

    private record CustomerKey(UUID workspace, UUID customer) {
    }

    private final ConcurrentHashMap<VisitorKey, Set<WidgetSession>> byVisitor = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<CustomerKey, Set<WidgetSession>> byCustomer = new ConcurrentHashMap<>();

    /** Registers a session under its visitor and, when known, its customer. */
    void add(WidgetSession session) {
        var visitor = session.visitorId();
        if (visitor != null) {
            put(byVisitor, new VisitorKey(workspace(session), visitor), session);
        }
        var customer = session.customer();
        if (customer != null) {
            put(byCustomer, new CustomerKey(workspace(session), customer.value()), session);
        }
    }

    void remove(WidgetSession session) {
        var visitor = session.visitorId();
        if (visitor != null) {
            take(byVisitor, new VisitorKey(workspace(session), visitor), session);
        }
        var customer = session.customer();
        if (customer != null) {
            take(byCustomer, new CustomerKey(workspace(session), customer.value()), session);
        }
    }

    /** Every open session of this visitor or of this customer, each once. */
    Set<WidgetSession> of(WorkspaceId workspace, String visitor, CustomerId customer) {
        var sessions = new LinkedHashSet<WidgetSession>(byVisitor.getOrDefault(new VisitorKey(workspace.value(), visitor), Set.of()));
        sessions.addAll(byCustomer.getOrDefault(new CustomerKey(workspace.value(), customer.value()), Set.of()));
        return sessions;
    }

    Set<WidgetSession> ofCustomer(WorkspaceId workspace, CustomerId customer) {
        return Set.copyOf(byCustomer.getOrDefault(new CustomerKey(workspace.value(), customer.value()), Set.of()));
    }

    Set<WidgetSession> ofVisitor(WorkspaceId workspace, String visitor) {
        return Set.copyOf(byVisitor.getOrDefault(new VisitorKey(workspace.value(), visitor), Set.of()));
    }

    int visitors() {
        return byVisitor.size();
    }

    private static UUID workspace(WidgetSession session) {
        return session.account().workspaceId().value();
    }

    private static <K> void put(ConcurrentHashMap<K, Set<WidgetSession>> map, K key, WidgetSession session) {
        map.compute(key, (k, sessions) -> {
            var set = sessions == null ? ConcurrentHashMap.<WidgetSession>newKeySet() : sessions;
            set.add(session);
            return set;
        });
    }

    private static <K> void take(ConcurrentHashMap<K, Set<WidgetSession>> map, K key, WidgetSession session) {
        map.computeIfPresent(key, (k, sessions) -> {
            sessions.remove(session);
            return sessions.isEmpty() ? null : sessions;
        });
    }
}
