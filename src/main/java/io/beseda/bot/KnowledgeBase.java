package io.beseda.bot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.beseda.catalog.search.RussianText;
import io.beseda.shared.AfterCommit;
import io.beseda.shared.NotFoundException;
import io.beseda.shared.RuleViolationException;
import io.beseda.workspace.WorkspaceId;

/**
 * A shop's own questions and answers ("можно ли примерить перед оплатой?"): when no intent is confident, the
 * bot looks here with BM25 (Lucene, Russian stems; the question counts twice as much as the answer) and
 * answers only when the entry covers at least half of what was asked, so a stray common word finds nothing.
 */
@Service
public class KnowledgeBase {

    public record Entry(UUID id, String question, String answer) {
    }

    /** An entry found for a question, and the share of the question's words it covers. */
    public record Match(Entry entry, float score, double coverage) {
    }

    static final double MIN_COVERAGE = 0.5;
    /** An entry this close to the question answers it even when an intent is sure (see {@code Dialogue}). */
    public static final double CLOSE_MATCH = 0.75;
    private static final RussianText ANALYZER = new RussianText();

    private record Index(IndexSearcher searcher, Map<Integer, Entry> entries, Map<Integer, Set<String>> terms) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<WorkspaceId, Index> indexes = new ConcurrentHashMap<>();

    KnowledgeBase(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<Entry> list(WorkspaceId workspace) {
        return jdbc.sql("select id, question, answer from bot_knowledge where workspace_id = ? order by question")
                .param(workspace.value()).query((r, n) -> new Entry(r.getObject(1, UUID.class), r.getString(2), r.getString(3))).list();
    }

    @Transactional
    public Entry save(WorkspaceId workspace, UUID id, String question, String answer) {
        var q = question.strip();
        var a = answer.strip();
        if (q.isEmpty() || q.length() > 500) {
            throw new RuleViolationException("bot.knowledge.question", "A question is 1 to 500 characters");
        }
        if (a.isEmpty() || a.length() > 4000) {
            throw new RuleViolationException("bot.knowledge.answer", "An answer is 1 to 4000 characters");
        }
        // an id another workspace uses is refused as if it were not there
        var saved = jdbc.sql("""
                insert into bot_knowledge (id, workspace_id, question, answer, updated_at) values (?, ?, ?, ?, ?)
                on conflict (id) do update set question = excluded.question, answer = excluded.answer, updated_at = excluded.updated_at
                where bot_knowledge.workspace_id = excluded.workspace_id""")
                .params(id, workspace.value(), q, a, Timestamp.from(clock.instant())).update();
        if (saved == 0) {
            throw new NotFoundException("Knowledge base entry", id);
        }
        AfterCommit.run(() -> indexes.remove(workspace));
        return new Entry(id, q, a);
    }

    @Transactional
    public void delete(WorkspaceId workspace, UUID id) {
        if (jdbc.sql("delete from bot_knowledge where workspace_id = ? and id = ?").params(workspace.value(), id).update() == 0) {
            throw new NotFoundException("Knowledge base entry", id);
        }
        AfterCommit.run(() -> indexes.remove(workspace));
    }

    /** The best entry for a question, if it covers enough of it. */
    public Optional<Match> answer(WorkspaceId workspace, String question) {
        var asked = terms(question.length() > 500 ? question.substring(0, 500) : question);
        if (asked.isEmpty()) {
            return Optional.empty();
        }
        var index = indexes.computeIfAbsent(workspace, this::build);
        if (index.entries().isEmpty()) {
            return Optional.empty();
        }
        var query = new BooleanQuery.Builder();
        for (var term : asked) {
            query.add(new BoostQuery(new TermQuery(new Term("question", term)), 2f), BooleanClause.Occur.SHOULD);
            query.add(new TermQuery(new Term("answer", term)), BooleanClause.Occur.SHOULD);
        }
        try {
            var hits = index.searcher().search(query.build(), 1);
            if (hits.scoreDocs.length == 0) {
                return Optional.empty();
            }
            var best = hits.scoreDocs[0];
            var covered = index.terms().get(best.doc);
            double coverage = asked.stream().filter(covered::contains).count() / (double) asked.size();
            return coverage >= MIN_COVERAGE ? Optional.of(new Match(index.entries().get(best.doc), best.score, coverage)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Index build(WorkspaceId workspace) {
        var directory = new ByteBuffersDirectory();
        var entries = list(workspace);
        var byDoc = new java.util.HashMap<Integer, Entry>();
        var terms = new java.util.HashMap<Integer, Set<String>>();
        try (var writer = new IndexWriter(directory, new IndexWriterConfig(ANALYZER))) {
            for (var entry : entries) {
                var doc = new Document();
                doc.add(new TextField("question", entry.question(), Field.Store.NO));
                doc.add(new TextField("answer", entry.answer(), Field.Store.NO));
                doc.add(new StoredField("id", entry.id().toString()));
                writer.addDocument(doc);
                byDoc.put(byDoc.size(), entry);
                var all = new HashSet<>(terms(entry.question()));
                all.addAll(terms(entry.answer()));
                terms.put(terms.size(), all);
            }
            writer.commit();
            return new Index(new IndexSearcher(DirectoryReader.open(directory)), Map.copyOf(byDoc), Map.copyOf(terms));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> terms(String text) {
        return RussianText.terms(ANALYZER, text).stream().distinct().toList();
    }
}
