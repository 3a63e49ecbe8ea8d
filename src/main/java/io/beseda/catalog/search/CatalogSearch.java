package io.beseda.catalog.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.beseda.catalog.CatalogChanged;
import io.beseda.shared.AfterCommit;
import io.beseda.workspace.WorkspaceId;

/**
 * Finds offers for a customer's question: reads the question ({@link ShoppingQuery}), narrows to a category
 * when a word names one ("аксессуар", "смартфон"), to the size, colours and price asked, to what is in stock,
 * then ranks by how well the words match (Russian stems, one typo forgiven in longer words); "недорогой"
 * keeps the cheaper part of what matched, "последняя модель" puts the newest first. One offer per model
 * (variants of sizes and colours collapse), with the stores that have it.
 */
@Service
public class CatalogSearch {

    static final double CHEAP_SHARE = 0.4;
    private static final int CANDIDATES = 500;

    /** One model found: the best-matching offer of it, and the stores where it is in stock. */
    public record Found(String offerId, String groupId, String name, BigDecimal price, @Nullable BigDecimal oldPrice,
                        @Nullable String url, List<String> sizes, List<Store> stores) {
    }

    public record Store(String id, String name, String city, String address, int quantity) {
    }

    /** What the question was read as, so an answer can say "до 2 000 ₽, размер 48". */
    public record Understood(String words, @Nullable String category, @Nullable BigDecimal minPrice, @Nullable BigDecimal maxPrice,
                             boolean cheap, @Nullable String size, List<String> colours, boolean newest) {
    }

    public record Answer(List<Found> found, Understood understood) {
    }

    private final CatalogIndex index;
    private final JdbcClient jdbc;

    CatalogSearch(CatalogIndex index, JdbcClient jdbc) {
        this.index = index;
        this.jdbc = jdbc;
    }

    @EventListener
    void on(CatalogChanged changed) {
        AfterCommit.run(() -> index.changed(changed.workspaceId(), changed.offerIds()));
    }

    /** How a question is read (price limits, «недорогой», size, colours, «последняя модель»), without searching. */
    public static Understood understand(String question) {
        return understood(ShoppingQuery.parse(question.length() > 500 ? question.substring(0, 500) : question), null);
    }

    public Answer search(WorkspaceId workspace, String question, int limit) {
        var asked = ShoppingQuery.parse(question.length() > 500 ? question.substring(0, 500) : question);
        var catalogue = index.of(workspace);
        var terms = new ArrayList<>(terms(asked.words()));
        // the words that named the category stay: they still rank offers that say it in their names
        var category = category(catalogue.categories, terms);
        var filters = filters(asked, category);
        if (terms.isEmpty() && category == null && asked.size() == null && asked.colours().isEmpty()
                && asked.maxPrice() == null && asked.minPrice() == null) {
            return new Answer(List.of(), understood(asked, null));
        }
        try {
            var searcher = catalogue.searchers.acquire();
            try {
                var query = query(filters, words(workspace, terms), category != null);
                if (asked.cheap()) {
                    var cap = cheapCap(searcher, query);
                    if (cap != null) {
                        filters.add(DoublePoint.newRangeQuery(CatalogIndex.PRICE, Double.NEGATIVE_INFINITY, cap));
                        query = query(filters, words(workspace, terms), category != null);
                    }
                }
                var sort = asked.newest()
                        ? new Sort(new SortField(CatalogIndex.YEAR, SortField.Type.LONG, true), SortField.FIELD_SCORE)
                        : new Sort(SortField.FIELD_SCORE, new SortField(CatalogIndex.PRICE, SortField.Type.LONG));
                var hits = searcher.search(query, CANDIDATES, sort);
                var byGroup = new LinkedHashMap<String, Found>();
                var sizes = new HashMap<String, java.util.TreeSet<String>>();
                var fields = searcher.storedFields();
                for (var hit : hits.scoreDocs) {
                    var doc = fields.document(hit.doc);
                    var group = doc.get(CatalogIndex.GROUP);
                    for (var size : doc.getValues(CatalogIndex.SIZE)) {
                        sizes.computeIfAbsent(group, g -> new java.util.TreeSet<>()).add(size);
                    }
                    if (byGroup.size() < limit && !byGroup.containsKey(group)) {
                        var old = doc.getField("oldPrice");
                        byGroup.put(group, new Found(doc.get(CatalogIndex.ID), group, doc.get(CatalogIndex.NAME),
                                money(doc.getField(CatalogIndex.PRICE).numericValue().doubleValue()),
                                old == null ? null : money(old.numericValue().doubleValue()), doc.get("url"), List.of(), List.of()));
                    }
                }
                var stores = stores(workspace, byGroup.values().stream().map(Found::offerId).toList());
                var found = byGroup.values().stream().map(f -> new Found(f.offerId(), f.groupId(), f.name(), f.price(), f.oldPrice(),
                        f.url(), List.copyOf(sizes.getOrDefault(f.groupId(), new java.util.TreeSet<>())),
                        stores.getOrDefault(f.offerId(), List.of()))).toList();
                return new Answer(found, understood(asked, category));
            } finally {
                catalogue.searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Understood understood(ShoppingQuery asked, CatalogIndex.@Nullable Category category) {
        return new Understood(asked.words(), category == null ? null : category.names().getFirst(), asked.minPrice(), asked.maxPrice(),
                asked.cheap(), asked.size(), asked.colours(), asked.newest());
    }

    private List<Query> filters(ShoppingQuery asked, CatalogIndex.@Nullable Category category) {
        var filters = new ArrayList<Query>();
        filters.add(IntPoint.newExactQuery(CatalogIndex.AVAILABLE, 1));
        if (category != null) {
            filters.add(new TermQuery(new Term(CatalogIndex.CATEGORY, category.id())));
        }
        if (asked.minPrice() != null || asked.maxPrice() != null) {
            filters.add(DoublePoint.newRangeQuery(CatalogIndex.PRICE,
                    asked.minPrice() == null ? Double.NEGATIVE_INFINITY : asked.minPrice().doubleValue(),
                    asked.maxPrice() == null ? Double.POSITIVE_INFINITY : asked.maxPrice().doubleValue()));
        }
        if (asked.size() != null) {
            filters.add(new TermQuery(new Term(CatalogIndex.SIZE, asked.size())));
        }
        if (!asked.colours().isEmpty()) {
            var colours = new BooleanQuery.Builder();
            for (var colour : asked.colours()) {
                for (var term : terms(colour)) {
                    colours.add(new TermQuery(new Term(CatalogIndex.COLOUR, term)), Occur.SHOULD);
                }
            }
            filters.add(colours.setMinimumNumberShouldMatch(1).build());
        }
        return filters;
    }

    /** Each word, its synonyms in this workspace, and (in longer words) one typo. */
    private List<Query> words(WorkspaceId workspace, List<String> terms) {
        var words = new ArrayList<Query>();
        for (var term : new HashSet<>(terms)) {
            var word = new BooleanQuery.Builder()
                    .add(new BoostQuery(new TermQuery(new Term(CatalogIndex.NAME, term)), 3f), Occur.SHOULD)
                    .add(new TermQuery(new Term(CatalogIndex.TEXT, term)), Occur.SHOULD)
                    .add(new BoostQuery(new TermQuery(new Term(CatalogIndex.CATEGORY_TEXT, term)), 1.5f), Occur.SHOULD);
            if (term.length() >= 4) {
                word.add(new BoostQuery(new FuzzyQuery(new Term(CatalogIndex.NAME, term), 1), 1.2f), Occur.SHOULD)
                        .add(new BoostQuery(new FuzzyQuery(new Term(CatalogIndex.TEXT, term), 1), 0.4f), Occur.SHOULD);
            }
            for (var synonym : index.synonymsOf(workspace, term)) {
                word.add(new BoostQuery(new TermQuery(new Term(CatalogIndex.NAME, synonym)), 2.5f), Occur.SHOULD)
                        .add(new BoostQuery(new TermQuery(new Term(CatalogIndex.TEXT, synonym)), 0.8f), Occur.SHOULD);
            }
            words.add(word.build());
        }
        return words;
    }

    /** With a category the words only rank its offers; without one, at least one word must match. */
    private static Query query(List<Query> filters, List<Query> words, boolean narrowed) {
        var query = new BooleanQuery.Builder();
        filters.forEach(f -> query.add(f, Occur.FILTER));
        if (words.isEmpty()) {
            query.add(new MatchAllDocsQuery(), Occur.SHOULD);
        } else if (narrowed) {
            query.add(new MatchAllDocsQuery(), Occur.SHOULD);
            words.forEach(w -> query.add(w, Occur.SHOULD));
        } else {
            var any = new BooleanQuery.Builder();
            words.forEach(w -> any.add(w, Occur.SHOULD));
            query.add(any.setMinimumNumberShouldMatch(1).build(), Occur.MUST);
        }
        return query.build();
    }

    /** The price under which the cheaper {@link #CHEAP_SHARE} of what matched lies. */
    private static @Nullable Double cheapCap(IndexSearcher searcher, Query query) throws IOException {
        var hits = searcher.search(query, CANDIDATES);
        if (hits.scoreDocs.length == 0) {
            return null;
        }
        var fields = searcher.storedFields();
        var prices = new ArrayList<Double>();
        for (var hit : hits.scoreDocs) {
            prices.add(fields.document(hit.doc).getField(CatalogIndex.PRICE).numericValue().doubleValue());
        }
        prices.sort(Comparator.naturalOrder());
        return prices.get(Math.max(0, (int) Math.ceil(prices.size() * CHEAP_SHARE) - 1));
    }

    /**
     * The category a question names: the first word that names one decides ("аксессуар к платью" asks for an
     * accessory, "платье с пайетками" for a dress), and of the categories it names the most specific wins.
     * A typo is forgiven in words of five letters or more.
     */
    private CatalogIndex.@Nullable Category category(Map<String, CatalogIndex.Category> categories, List<String> terms) {
        for (var term : terms) {
            CatalogIndex.Category best = null;
            for (var category : categories.values()) {
                var named = category.stems().stream()
                        .anyMatch(n -> n.equals(term) || term.length() >= 5 && n.length() >= 5 && oneEditApart(n, term));
                if (named && (best == null || category.path().size() > best.path().size())) {
                    best = category;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return null;
    }

    private List<String> terms(String text) {
        return index.stems(text);
    }

    static boolean oneEditApart(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0;
        int j = 0;
        int edits = 0;
        while (i < a.length() && j < b.length()) {
            if (a.charAt(i) == b.charAt(j)) {
                i++;
                j++;
                continue;
            }
            if (++edits > 1) {
                return false;
            }
            if (a.length() > b.length()) {
                i++;
            } else if (a.length() < b.length()) {
                j++;
            } else {
                i++;
                j++;
            }
        }
        return edits + (a.length() - i) + (b.length() - j) <= 1;
    }

    private Map<String, List<Store>> stores(WorkspaceId workspace, List<String> offerIds) {
        var stores = new HashMap<String, List<Store>>();
        if (offerIds.isEmpty()) {
            return stores;
        }
        jdbc.sql("""
                select k.offer_id, s.id, s.name, s.city, s.address, k.quantity from catalog_stock k
                join catalog_store s on s.workspace_id = k.workspace_id and s.id = k.store_id
                where k.workspace_id = ? and k.offer_id = any(?) and k.quantity > 0 order by s.city""")
                .params(workspace.value(), offerIds.toArray(String[]::new))
                .query(r -> {
                    stores.computeIfAbsent(r.getString(1), o -> new ArrayList<>())
                            .add(new Store(r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getInt(6)));
                });
        return stores;
    }

    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
