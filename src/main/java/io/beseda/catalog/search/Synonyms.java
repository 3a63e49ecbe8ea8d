package io.beseda.catalog.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.beseda.shared.AfterCommit;
import io.beseda.shared.RuleViolationException;
import io.beseda.workspace.WorkspaceId;

/**
 * A workspace's synonym groups: words its customers use for the same thing. Kept as written; the search
 * compares their stems, so one form of each word is enough ("толстовка" also finds "толстовки").
 */
@Service
public class Synonyms {

    public static final int MAX_GROUPS = 500;

    private final JdbcClient jdbc;
    private final CatalogIndex index;

    Synonyms(JdbcClient jdbc, CatalogIndex index) {
        this.jdbc = jdbc;
        this.index = index;
    }

    public List<List<String>> groups(WorkspaceId workspace) {
        return jdbc.sql("select words from catalog_synonym_group where workspace_id = ? order by position").param(workspace.value())
                .query((r, n) -> List.of((String[]) r.getArray(1).getArray())).list();
    }

    /** Replaces every group; a group needs two to twenty words, a word up to 50 characters. */
    @Transactional
    public List<List<String>> replace(WorkspaceId workspace, List<List<String>> groups) {
        var clean = new ArrayList<List<String>>();
        for (var group : groups) {
            var words = new LinkedHashSet<String>();
            for (var word : group) {
                var w = word == null ? "" : word.strip().toLowerCase(Locale.ROOT);
                if (w.length() > 50) {
                    throw new RuleViolationException("catalog.synonyms.word-too-long", "A synonym is up to 50 characters");
                }
                if (!w.isEmpty()) {
                    words.add(w);
                }
            }
            if (words.size() == 1) {
                throw new RuleViolationException("catalog.synonyms.lonely", "A synonym group needs at least two words: " + words);
            }
            if (words.size() > 20) {
                throw new RuleViolationException("catalog.synonyms.too-many-words", "A synonym group has up to 20 words");
            }
            if (!words.isEmpty()) {
                clean.add(List.copyOf(words));
            }
        }
        if (clean.size() > MAX_GROUPS) {
            throw new RuleViolationException("catalog.synonyms.too-many-groups", "Up to " + MAX_GROUPS + " synonym groups");
        }
        jdbc.sql("delete from catalog_synonym_group where workspace_id = ?").param(workspace.value()).update();
        for (int i = 0; i < clean.size(); i++) {
            jdbc.sql("insert into catalog_synonym_group (workspace_id, position, words) values (?, ?, ?)")
                    .params(workspace.value(), i, clean.get(i).toArray(String[]::new)).update();
        }
        AfterCommit.run(() -> index.synonymsChanged(workspace));
        return clean;
    }
}
