package io.beseda.bot;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.beseda.bot.nlu.IntentModels;
import io.beseda.shared.AfterCommit;
import io.beseda.shared.NotFoundException;
import io.beseda.shared.RuleViolationException;
import io.beseda.workspace.WorkspaceId;

/** The examples a shop teaches its bot on top of the shipped set: "how our customers say it". */
@Service
public class IntentExamples {

    public record Example(UUID id, Intent intent, String text) {
    }

    private final JdbcClient jdbc;
    private final IntentModels models;
    private final Clock clock;

    IntentExamples(JdbcClient jdbc, IntentModels models, Clock clock) {
        this.jdbc = jdbc;
        this.models = models;
        this.clock = clock;
    }

    public List<Example> list(WorkspaceId workspace) {
        return jdbc.sql("select id, intent, text from bot_example where workspace_id = ? order by intent, created_at")
                .param(workspace.value())
                .query((row, n) -> new Example(row.getObject(1, UUID.class), Intent.of(row.getString(2)).orElseThrow(), row.getString(3)))
                .list();
    }

    @Transactional
    public Example add(WorkspaceId workspace, Intent intent, String text) {
        var clean = text.strip().replaceAll("[\\t\\r\\n]+", " ");
        if (clean.isEmpty() || clean.length() > 500) {
            throw new RuleViolationException("bot.example.length", "An example is 1 to 500 characters");
        }
        var id = UUID.randomUUID();
        var added = jdbc.sql("""
                insert into bot_example (id, workspace_id, intent, text, created_at) values (?, ?, ?, ?, ?)
                on conflict (workspace_id, intent, text) do nothing""")
                .params(id, workspace.value(), intent.id(), clean, Timestamp.from(clock.instant())).update();
        if (added == 0) {
            throw new RuleViolationException("bot.example.duplicate", "This example is already there");
        }
        AfterCommit.run(() -> models.forget(workspace));
        return new Example(id, intent, clean);
    }

    @Transactional
    public void delete(WorkspaceId workspace, UUID id) {
        if (jdbc.sql("delete from bot_example where workspace_id = ? and id = ?").params(workspace.value(), id).update() == 0) {
            throw new NotFoundException("Example", id);
        }
        AfterCommit.run(() -> models.forget(workspace));
    }
}
