package io.beseda.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.beseda.catalog.feed.FeedOffer;
import io.beseda.workspace.WorkspaceId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The offers the last feeds listed, as customers may be shown them. Offers a feed withdrew are kept for old
 * orders but are never found here. Text matching is a plain substring for now; catalogue search comes later.
 */
@Service
public class Offers {

    private static final TypeReference<List<String>> PICTURES = new TypeReference<>() {
    };
    private static final TypeReference<List<FeedOffer.Param>> PARAMS = new TypeReference<>() {
    };

    /** Listed offers of the workspace, narrowed by a category (with its subcategories), availability and text. */
    private static final String MATCHING = """
            with recursive branch (id) as (
                select id from catalog_category where workspace_id = :workspace and id = :category
                union
                select c.id from catalog_category c join branch b on c.parent_id = b.id where c.workspace_id = :workspace
            )
            select %s from catalog_offer o
            where o.workspace_id = :workspace and o.listed
              and (cast(:category as text) is null or o.category_id = :category or o.category_id in (select id from branch))
              and (cast(:available as boolean) is null or o.available = :available)
              and (cast(:text as text) is null or o.name ilike :text escape '\\' or o.vendor ilike :text escape '\\')
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Offers(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public OfferPage list(WorkspaceId workspace, OfferQuery query) {
        var text = query.text() == null || query.text().isBlank() ? null : "%" + escape(query.text().strip()) + "%";
        var total = jdbc.sql(MATCHING.formatted("count(*)"))
                .param("workspace", workspace.value()).param("category", query.category())
                .param("available", query.available()).param("text", text).query(Long.class).single();
        var offers = jdbc.sql(MATCHING.formatted("o.*") + " order by o.name, o.id limit :limit offset :offset")
                .param("workspace", workspace.value()).param("category", query.category())
                .param("available", query.available()).param("text", text)
                .param("limit", query.size()).param("offset", (long) query.page() * query.size())
                .query((row, n) -> offer(row)).list();
        return new OfferPage(offers, total, query.page(), query.size());
    }

    /** A listed offer of the workspace. */
    public Optional<Offer> find(WorkspaceId workspace, String id) {
        return jdbc.sql("select * from catalog_offer where workspace_id = ? and id = ? and listed").params(workspace.value(), id)
                .query((row, n) -> offer(row)).optional();
    }

    /** How many of the offer each store has, stores the feed named but nobody described included. */
    public List<Offer.Stock> stock(WorkspaceId workspace, String offerId) {
        return jdbc.sql("""
                select k.store_id, s.name, s.city, k.quantity from catalog_stock k
                left join catalog_store s on s.workspace_id = k.workspace_id and s.id = k.store_id
                where k.workspace_id = ? and k.offer_id = ? order by s.city, s.name, k.store_id""")
                .params(workspace.value(), offerId)
                .query((row, n) -> new Offer.Stock(row.getString(1), row.getString(2), row.getString(3), row.getInt(4))).list();
    }

    private Offer offer(ResultSet row) throws SQLException {
        return new Offer(row.getString("id"), row.getString("group_id"), row.getString("name"), row.getString("vendor"),
                row.getString("vendor_code"), row.getString("category_id"), row.getBigDecimal("price"),
                row.getBigDecimal("old_price"), row.getString("currency"), row.getBoolean("available"), row.getString("url"),
                row.getString("description"), json.readValue(row.getString("pictures"), PICTURES),
                json.readValue(row.getString("params"), PARAMS), row.getTimestamp("updated_at").toInstant());
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
