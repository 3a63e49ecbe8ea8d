package io.beseda.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.beseda.workspace.WorkspaceId;

/** Finding customers: search by name, phone or e-mail, with filters, newest activity first. */
@Service
public class CustomerDirectory {

    public static final int MAX_PAGE = 200;

    private final JdbcClient jdbc;
    private final Customers customers;

    CustomerDirectory(JdbcClient jdbc, Customers customers) {
        this.jdbc = jdbc;
        this.customers = customers;
    }

    /**
     * @param text      part of a name, e-mail or phone (digits are matched against the phone whatever its format)
     * @param city      exact city, or empty
     * @param withCart  only customers with a non-empty cart
     * @param withOrder only customers who ordered
     */
    public record Query(@Nullable String text, @Nullable String city, boolean withCart, boolean withOrder,
                        int page, int size) {

        public Query {
            page = Math.max(page, 0);
            size = Math.clamp(size, 1, MAX_PAGE);
        }
    }

    public record Page(List<Customer> customers, long total, int page, int size) {
        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }
    }

    public Page search(WorkspaceId workspace, Query query) {
        var where = new StringBuilder("c.workspace_id = ? and c.merged_into is null and c.erased_at is null");
        var params = new ArrayList<Object>(List.of(workspace.value()));
        if (query.text() != null && !query.text().isBlank()) {
            var text = query.text().strip().toLowerCase(Locale.ROOT);
            var digits = text.replaceAll("\\D", "");
            where.append(" and (lower(coalesce(c.name, '') || ' ' || coalesce(c.email, '') || ' ' || coalesce(c.phone, '')) like ?");
            params.add("%" + escape(text) + "%");
            if (digits.length() >= 4) {
                where.append(" or regexp_replace(coalesce(c.phone, ''), '\\D', '', 'g') like ?");
                params.add("%" + (digits.startsWith("8") && digits.length() == 11 ? "7" + digits.substring(1) : digits) + "%");
            }
            where.append(")");
        }
        if (query.city() != null && !query.city().isBlank()) {
            where.append(" and c.city = ?");
            params.add(query.city().strip());
        }
        if (query.withCart()) {
            where.append(" and exists (select 1 from cart k where k.workspace_id = c.workspace_id and k.customer_id = c.id and k.total > 0)");
        }
        if (query.withOrder()) {
            where.append(" and exists (select 1 from customer_order o where o.workspace_id = c.workspace_id and o.customer_id = c.id)");
        }
        long total = jdbc.sql("select count(*) from customer c where " + where).params(params).query(Long.class).single();
        var pageParams = new ArrayList<>(params);
        pageParams.add(query.size());
        pageParams.add((long) query.page() * query.size());
        var page = jdbc.sql("select c.* from customer c where " + where
                        + " order by c.last_seen_at desc nulls last, c.created_at desc, c.id limit ? offset ?")
                .params(pageParams).query(customers::map).list();
        return new Page(page, total, query.page(), query.size());
    }

    public List<String> cities(WorkspaceId workspace) {
        return jdbc.sql("select distinct city from customer where workspace_id = ? and city is not null and merged_into is null and erased_at is null order by city limit 500")
                .param(workspace.value()).query(String.class).list();
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
