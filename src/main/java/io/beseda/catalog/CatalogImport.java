package io.beseda.catalog;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.beseda.catalog.feed.FeedCategory;
import io.beseda.catalog.feed.FeedException;
import io.beseda.catalog.feed.FeedOffer;
import io.beseda.catalog.feed.FeedRefusal;
import io.beseda.catalog.feed.YmlReader;
import io.beseda.workspace.WorkspaceId;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes a full YML feed into the workspace's catalogue in one transaction: categories and offers are added
 * or updated (an offer whose content did not change is left alone), offers the feed no longer lists are
 * withdrawn (kept for old orders and links, never offered again), and every import is recorded with its
 * counts and refusals. A file that is not a feed imports nothing and is recorded as failed.
 */
@Service
public class CatalogImport {

    public static final int MAX_OFFERS = 200_000;
    static final int REFUSALS_KEPT = 200;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    CatalogImport(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transactions, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    public ImportReport importYml(WorkspaceId workspace, InputStream feed, String source) {
        var started = clock.instant();
        var read = new Collected();
        try {
            YmlReader.read(feed, read);
        } catch (FeedException e) {
            return record(workspace, new ImportReport(UUID.randomUUID(), source, started, clock.instant(), 0, 0, 0, 0, 0,
                    0, List.of(), e.getMessage()));
        }
        return transactions.execute(status -> store(workspace, source, started, read));
    }

    private ImportReport store(WorkspaceId workspace, String source, Instant started, Collected read) {
        var now = clock.instant();
        batch.batchUpdate("""
                insert into catalog_category (workspace_id, id, parent_id, name, updated_at) values (?, ?, ?, ?, ?)
                on conflict (workspace_id, id) do update set parent_id = excluded.parent_id, name = excluded.name,
                    updated_at = excluded.updated_at
                where (catalog_category.parent_id, catalog_category.name) is distinct from (excluded.parent_id, excluded.name)""",
                read.categories, 500, (ps, c) -> {
                    ps.setObject(1, workspace.value());
                    ps.setString(2, c.id());
                    ps.setString(3, c.parentId());
                    ps.setString(4, c.name());
                    ps.setTimestamp(5, Timestamp.from(now));
                });
        var known = new HashMap<String, String>();
        jdbc.sql("select id, content_hash, listed from catalog_offer where workspace_id = ?").param(workspace.value())
                .query(row -> {
                    // a withdrawn offer that comes back counts as changed
                    known.put(row.getString(1), row.getBoolean(3) ? row.getString(2) : "");
                });
        var added = new ArrayList<Hashed>();
        var changed = new ArrayList<Hashed>();
        int unchanged = 0;
        for (var offer : read.offers) {
            var hashed = new Hashed(offer, hash(offer));
            var before = known.remove(offer.id());
            if (before == null) {
                added.add(hashed);
            } else if (!before.equals(hashed.hash())) {
                changed.add(hashed);
            } else {
                unchanged++;
            }
        }
        var writes = new ArrayList<Hashed>(added);
        writes.addAll(changed);
        upsert(workspace, writes, now);
        var withdrawn = withdraw(workspace, known.keySet().stream().filter(id -> !known.get(id).isEmpty()).toList(), now);
        return record(workspace, new ImportReport(UUID.randomUUID(), source, started, clock.instant(), read.categories.size(),
                added.size(), changed.size(), unchanged, withdrawn, read.refused, read.refusals, null));
    }

    private record Hashed(FeedOffer offer, String hash) {
    }

    private void upsert(WorkspaceId workspace, List<Hashed> offers, Instant now) {
        batch.batchUpdate("""
                insert into catalog_offer (workspace_id, id, group_id, name, vendor, vendor_code, category_id, price, old_price,
                    currency, available, url, description, pictures, params, listed, content_hash, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, true, ?, ?, ?)
                on conflict (workspace_id, id) do update set group_id = excluded.group_id, name = excluded.name,
                    vendor = excluded.vendor, vendor_code = excluded.vendor_code, category_id = excluded.category_id,
                    price = excluded.price, old_price = excluded.old_price, currency = excluded.currency,
                    available = excluded.available, url = excluded.url, description = excluded.description,
                    pictures = excluded.pictures, params = excluded.params, listed = true,
                    content_hash = excluded.content_hash, updated_at = excluded.updated_at""",
                offers, 500, (ps, h) -> {
                    var o = h.offer();
                    ps.setObject(1, workspace.value());
                    ps.setString(2, o.id());
                    ps.setString(3, o.groupId());
                    ps.setString(4, o.name());
                    ps.setString(5, o.vendor());
                    ps.setString(6, o.vendorCode());
                    ps.setString(7, o.categoryId());
                    ps.setBigDecimal(8, o.price());
                    ps.setBigDecimal(9, o.oldPrice());
                    ps.setString(10, o.currency());
                    ps.setBoolean(11, o.available());
                    ps.setString(12, o.url());
                    ps.setString(13, o.description());
                    ps.setString(14, json.writeValueAsString(o.pictures()));
                    ps.setString(15, json.writeValueAsString(o.params()));
                    ps.setString(16, h.hash());
                    ps.setTimestamp(17, Timestamp.from(now));
                    ps.setTimestamp(18, Timestamp.from(now));
                });
        var ids = offers.stream().map(h -> h.offer().id()).toArray(String[]::new);
        jdbc.sql("delete from catalog_stock where workspace_id = ? and offer_id = any(?)").params(workspace.value(), ids).update();
        var stock = new ArrayList<Object[]>();
        for (var h : offers) {
            h.offer().stock().forEach((store, quantity) -> stock.add(new Object[] {workspace.value(), h.offer().id(), store, quantity}));
        }
        batch.batchUpdate("insert into catalog_stock (workspace_id, offer_id, store_id, quantity) values (?, ?, ?, ?)", stock);
    }

    private int withdraw(WorkspaceId workspace, List<String> ids, Instant now) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("update catalog_offer set listed = false, updated_at = ? where workspace_id = ? and id = any(?) and listed")
                .params(Timestamp.from(now), workspace.value(), ids.toArray(String[]::new)).update();
    }

    private ImportReport record(WorkspaceId workspace, ImportReport report) {
        jdbc.sql("""
                insert into catalog_import (id, workspace_id, source, started_at, finished_at, categories, added, changed,
                    unchanged, withdrawn, refused, refusals, failure)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)""")
                .params(report.id(), workspace.value(), report.source(), Timestamp.from(report.startedAt()),
                        Timestamp.from(report.finishedAt()), report.categories(), report.added(), report.changed(), report.unchanged(),
                        report.withdrawn(), report.refused(), json.writeValueAsString(report.refusals()), report.failure())
                .update();
        return report;
    }

    private String hash(FeedOffer offer) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsString(offer).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the reader found, kept in memory up to {@link #MAX_OFFERS} offers. */
    private static final class Collected implements YmlReader.Sink {
        final List<FeedCategory> categories = new ArrayList<>();
        final List<FeedOffer> offers = new ArrayList<>();
        final List<FeedRefusal> refusals = new ArrayList<>();
        int refused;

        @Override
        public void category(FeedCategory category) {
            categories.add(category);
        }

        @Override
        public void offer(FeedOffer offer) {
            if (offers.size() >= MAX_OFFERS) {
                refused(new FeedRefusal(offer.id(), 0, "Больше " + MAX_OFFERS + " предложений в одном файле · more than "
                        + MAX_OFFERS + " offers in one file"));
                return;
            }
            offers.add(offer);
        }

        @Override
        public void refused(FeedRefusal refusal) {
            refused++;
            if (refusals.size() < REFUSALS_KEPT) {
                refusals.add(refusal);
            }
        }
    }
}
