package io.beseda.consent.request;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.customer.CustomerHistory;
import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.workspace.WorkspaceId;

/** Everything Beseda keeps about one customer, as one JSON document the customer can be given. */
@Component
class CustomerDataExport {

    private final Customers customers;
    private final CustomerHistory history;
    private final JdbcClient jdbc;

    CustomerDataExport(Customers customers, CustomerHistory history, JdbcClient jdbc) {
        this.customers = customers;
        this.history = history;
        this.jdbc = jdbc;
    }

    Map<String, Object> export(WorkspaceId workspace, CustomerId id) {
        var customer = customers.get(workspace, id);
        var target = customer.id();
        var document = new LinkedHashMap<String, Object>();
        document.put("profile", customer);
        document.put("identities", customers.identities(workspace, target));
        document.put("mergedProfiles", customers.merges(workspace, target));
        document.put("storefrontEvents", history.timeline(workspace, target, null, Integer.MAX_VALUE));
        document.put("cart", history.cart(workspace, target).orElse(CustomerHistory.Cart.NONE));
        document.put("orders", history.orders(workspace, target));
        document.put("recentlyViewed", history.recentViews(workspace, target, Integer.MAX_VALUE));
        document.put("consents", rows(workspace, target, """
                select purpose, channel, address, granted, text_version, text_sha256, source, recorded_at, ip, device, proof::text as proof, recorded_by
                from consent_record where workspace_id = ? and customer_id = ? order by recorded_at"""));
        document.put("sendDecisions", rows(workspace, target, """
                select channel, category, decided_at, outcome, defer_until, reason, detail, dry_run
                from send_decision where workspace_id = ? and customer_id = ? order by decided_at"""));
        document.put("dataRequests", rows(workspace, target, """
                select kind, status, received_at, due_at, completed_at, requested_via
                from data_request where workspace_id = ? and customer_id = ? order by received_at"""));
        return document;
    }

    private List<Map<String, Object>> rows(WorkspaceId workspace, CustomerId customer, String sql) {
        return jdbc.sql(sql).params(workspace.value(), customer.value()).query().listOfRows();
    }
}
