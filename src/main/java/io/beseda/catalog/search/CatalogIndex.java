package io.beseda.catalog.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.workspace.WorkspaceId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * One in-memory Lucene index per workspace, built from the catalogue tables the first time the workspace is
 * searched and kept current after every import: changed offers are re-read and replaced, withdrawn ones
 * deleted. Each node keeps its own, so nothing has to be shared between nodes.
 */
@Component
class CatalogIndex {

    static final String ID = "id";
    static final String GROUP = "group";
    static final String NAME = "name";
    static final String TEXT = "text";
    static final String CATEGORY = "category";
    static final String CATEGORY_TEXT = "categoryText";
    static final String COLOUR = "colour";
    static final String SIZE = "size";
    static final String PRICE = "price";
    static final String AVAILABLE = "available";
    static final String YEAR = "year";

    private static final Pattern YEAR_PARAM = Pattern.compile("год(\\s+выпуска)?|модельный год|year", Pattern.CASE_INSENSITIVE);
    private static final TypeReference<List<Param>> PARAMS = new TypeReference<>() {
    };

    record Param(String name, @Nullable String unit, String value) {
    }

    /**
     * A category and the names on its path from the root, for filtering by a branch and matching its words;
     * {@code stems} are those of its own name, cut once when the index reads the categories.
     */
    record Category(String id, List<String> path, List<String> names, List<String> stems) {
    }

    final class Workspace {
        final IndexWriter writer;
        final SearcherManager searchers;
        final Map<String, Category> categories;

        Workspace(IndexWriter writer, SearcherManager searchers, Map<String, Category> categories) {
            this.writer = writer;
            this.searchers = searchers;
            this.categories = categories;
        }
    }

    private final Map<WorkspaceId, Workspace> indexes = new ConcurrentHashMap<>();
    /** Per workspace: each synonym's stem → the stems of the other words of its groups. */
    private final Map<WorkspaceId, Map<String, java.util.Set<String>>> synonyms = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RussianText analyzer = new RussianText();

    CatalogIndex(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Workspace of(WorkspaceId workspace) {
        return indexes.computeIfAbsent(workspace, this::build);
    }

    RussianText analyzer() {
        return analyzer;
    }

    /** The stems a stem also stands for in this workspace (its synonym groups), without itself. */
    java.util.Set<String> synonymsOf(WorkspaceId workspace, String stem) {
        return synonyms.computeIfAbsent(workspace, this::loadSynonyms).getOrDefault(stem, java.util.Set.of());
    }

    void synonymsChanged(WorkspaceId workspace) {
        synonyms.remove(workspace);
    }

    private Map<String, java.util.Set<String>> loadSynonyms(WorkspaceId workspace) {
        var byStem = new HashMap<String, java.util.Set<String>>();
        jdbc.sql("select words from catalog_synonym_group where workspace_id = ?").param(workspace.value()).query(r -> {
            var stems = new java.util.LinkedHashSet<String>();
            for (var word : (String[]) r.getArray(1).getArray()) {
                stems.addAll(stems(word));
            }
            for (var stem : stems) {
                var others = byStem.computeIfAbsent(stem, k -> new java.util.HashSet<>());
                stems.stream().filter(o -> !o.equals(stem)).forEach(others::add);
            }
        });
        return byStem;
    }

    List<String> stems(String text) {
        return RussianText.terms(analyzer, text);
    }

    /** Offers were added, changed or withdrawn: replaces them in the index, if the workspace has one yet. */
    void changed(WorkspaceId workspace, Collection<String> offerIds) {
        var index = indexes.get(workspace);
        if (index == null || offerIds.isEmpty()) {
            return;
        }
        synchronized (index) {
            var categories = categories(workspace);
            index.categories.clear();
            index.categories.putAll(categories);
            try {
                for (var id : offerIds) {
                    index.writer.deleteDocuments(new Term(ID, id));
                }
                for (var offer : offers(workspace, offerIds)) {
                    index.writer.addDocument(document(offer, categories));
                }
                index.writer.commit();
                index.searchers.maybeRefresh();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Workspace build(WorkspaceId workspace) {
        try {
            var writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(analyzer));
            var categories = new ConcurrentHashMap<>(categories(workspace));
            for (var offer : offers(workspace, null)) {
                writer.addDocument(document(offer, categories));
            }
            writer.commit();
            return new Workspace(writer, new SearcherManager(writer, null), categories);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Row(String id, @Nullable String groupId, String name, @Nullable String vendor, @Nullable String categoryId,
                       double price, @Nullable Double oldPrice, boolean available, @Nullable String url,
                       @Nullable String description, List<Param> params) {
    }

    private List<Row> offers(WorkspaceId workspace, @Nullable Collection<String> ids) {
        var sql = "select * from catalog_offer where workspace_id = ? and listed" + (ids == null ? "" : " and id = any(?)");
        var spec = jdbc.sql(sql).param(workspace.value());
        if (ids != null) {
            spec = spec.param(ids.toArray(String[]::new));
        }
        return spec.query((r, n) -> new Row(r.getString("id"), r.getString("group_id"), r.getString("name"), r.getString("vendor"),
                r.getString("category_id"), r.getBigDecimal("price").doubleValue(),
                r.getBigDecimal("old_price") == null ? null : r.getBigDecimal("old_price").doubleValue(), r.getBoolean("available"),
                r.getString("url"), r.getString("description"), json.readValue(r.getString("params"), PARAMS))).list();
    }

    private Map<String, Category> categories(WorkspaceId workspace) {
        var parents = new HashMap<String, String>();
        var names = new HashMap<String, String>();
        jdbc.sql("select id, parent_id, name from catalog_category where workspace_id = ?").param(workspace.value())
                .query(r -> {
                    names.put(r.getString(1), r.getString(3));
                    if (r.getString(2) != null) {
                        parents.put(r.getString(1), r.getString(2));
                    }
                });
        var categories = new HashMap<String, Category>();
        for (var id : names.keySet()) {
            var path = new ArrayList<String>();
            var pathNames = new ArrayList<String>();
            for (String at = id; at != null && names.containsKey(at) && path.size() < 20; at = parents.get(at)) {
                path.add(at);
                pathNames.add(names.get(at));
            }
            categories.put(id, new Category(id, List.copyOf(path), List.copyOf(pathNames), stems(names.get(id))));
        }
        return categories;
    }

    private static Document document(Row offer, Map<String, Category> categories) {
        var doc = new Document();
        doc.add(new StringField(ID, offer.id(), Field.Store.YES));
        doc.add(new StringField(GROUP, offer.groupId() == null ? offer.id() : offer.groupId(), Field.Store.YES));
        doc.add(new TextField(NAME, offer.name(), Field.Store.YES));
        var text = new StringBuilder(offer.name());
        if (offer.vendor() != null) {
            text.append(' ').append(offer.vendor());
        }
        var category = offer.categoryId() == null ? null : categories.get(offer.categoryId());
        if (category != null) {
            category.path().forEach(id -> doc.add(new StringField(CATEGORY, id, Field.Store.NO)));
            doc.add(new TextField(CATEGORY_TEXT, String.join(" ", category.names()), Field.Store.NO));
        }
        int year = 0;
        for (var param : offer.params()) {
            var name = param.name().toLowerCase(Locale.ROOT);
            if (name.startsWith("размер")) {
                doc.add(new StringField(SIZE, param.value().toLowerCase(Locale.ROOT), Field.Store.YES));
            } else if (name.startsWith("цвет")) {
                doc.add(new TextField(COLOUR, param.value(), Field.Store.YES));
                text.append(' ').append(param.value());
            } else if (YEAR_PARAM.matcher(name).matches()) {
                year = parseYear(param.value());
            } else {
                text.append(' ').append(param.value());
            }
        }
        if (offer.description() != null) {
            text.append(' ').append(offer.description());
        }
        doc.add(new TextField(TEXT, text.toString(), Field.Store.NO));
        doc.add(new DoublePoint(PRICE, offer.price()));
        doc.add(new StoredField(PRICE, offer.price()));
        doc.add(new NumericDocValuesField(PRICE, Math.round(offer.price() * 100)));
        if (offer.oldPrice() != null) {
            doc.add(new StoredField("oldPrice", offer.oldPrice()));
        }
        doc.add(new IntPoint(AVAILABLE, offer.available() ? 1 : 0));
        doc.add(new NumericDocValuesField(YEAR, year));
        if (offer.url() != null) {
            doc.add(new StoredField("url", offer.url()));
        }
        return doc;
    }

    private static int parseYear(String value) {
        try {
            int year = Integer.parseInt(value.strip());
            return year > 1900 && year < 3000 ? year : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
