package io.beseda.customer;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.beseda.workspace.WorkspaceId;

/**
 * Moves everything the customer module keeps about {@code merged} to {@code survivor}: identities,
 * events, orders, cart, recently viewed products and the profile's blanks. Other modules move theirs
 * when they hear {@link CustomersMerged}.
 */
final class CustomerMerging {

    private CustomerMerging() {
    }

    static void fold(JdbcClient jdbc, WorkspaceId workspace, CustomerId survivor, CustomerId merged) {
        var ws = workspace.value();
        var to = survivor.value();
        var from = merged.value();
        jdbc.sql("update customer_identity set customer_id = ? where workspace_id = ? and customer_id = ?").params(to, ws, from).update();
        jdbc.sql("update storefront_event set customer_id = ? where workspace_id = ? and customer_id = ?").params(to, ws, from).update();
        jdbc.sql("update customer_order set customer_id = ? where workspace_id = ? and customer_id = ?").params(to, ws, from).update();
        // The newer cart wins: it is what the person has in their basket now.
        jdbc.sql("""
                delete from cart c using cart other
                where c.workspace_id = ? and other.workspace_id = c.workspace_id
                  and c.customer_id in (?, ?) and other.customer_id in (?, ?) and c.customer_id <> other.customer_id
                  and (c.updated_at, c.customer_id::text) < (other.updated_at, other.customer_id::text)""")
                .params(ws, to, from, to, from).update();
        jdbc.sql("update cart set customer_id = ? where workspace_id = ? and customer_id = ?").params(to, ws, from).update();
        jdbc.sql("""
                insert into recent_view (workspace_id, customer_id, product_id, product_name, category, price, views, viewed_at)
                select workspace_id, ?, product_id, product_name, category, price, views, viewed_at
                from recent_view where workspace_id = ? and customer_id = ?
                on conflict (workspace_id, customer_id, product_id) do update
                set views = recent_view.views + excluded.views,
                    viewed_at = greatest(recent_view.viewed_at, excluded.viewed_at)""")
                .params(to, ws, from).update();
        jdbc.sql("delete from recent_view where workspace_id = ? and customer_id = ?").params(ws, from).update();
        jdbc.sql("delete from segment_member where workspace_id = ? and customer_id = ?").params(ws, from).update();
        jdbc.sql("""
                update customer s set
                    name = coalesce(s.name, m.name),
                    phone = case when s.phone is null or (not s.phone_valid and m.phone_valid) then m.phone else s.phone end,
                    phone_valid = case when s.phone is null or (not s.phone_valid and m.phone_valid) then m.phone_valid else s.phone_valid end,
                    email = coalesce(s.email, m.email),
                    birthday = coalesce(s.birthday, m.birthday),
                    gender = coalesce(s.gender, m.gender),
                    city = coalesce(s.city, m.city),
                    time_zone = coalesce(s.time_zone, m.time_zone),
                    attributes = m.attributes || s.attributes,
                    created_at = least(s.created_at, m.created_at),
                    last_seen_at = greatest(s.last_seen_at, m.last_seen_at)
                from customer m
                where s.workspace_id = ? and s.id = ? and m.workspace_id = s.workspace_id and m.id = ?""")
                .params(ws, to, from).update();
        jdbc.sql("update customer set merged_into = ? where workspace_id = ? and (id = ? or merged_into = ?)")
                .params(to, ws, from, from).update();
    }
}
