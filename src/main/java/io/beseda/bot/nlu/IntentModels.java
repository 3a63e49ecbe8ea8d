package io.beseda.bot.nlu;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.bot.Intent;
import io.beseda.workspace.WorkspaceId;

/**
 * Each workspace's intent model: the shipped Russian retail set plus the examples the shop added in the
 * console, trained the first time the workspace needs it (under a second) and again after its examples change.
 */
@Component
public class IntentModels {

    /** How sure the model must be to act on an intent, unless the shop set its own; chosen on the dev set. */
    public static final double DEFAULT_THRESHOLD = 0.35;
    private static final Logger log = LoggerFactory.getLogger(IntentModels.class);

    private final JdbcClient jdbc;
    private final Map<WorkspaceId, IntentModel> models = new ConcurrentHashMap<>();

    IntentModels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public IntentModel of(WorkspaceId workspace) {
        return models.computeIfAbsent(workspace, this::train);
    }

    /** The workspace's examples changed: the next message trains the model anew. */
    public void forget(WorkspaceId workspace) {
        models.remove(workspace);
    }

    private IntentModel train(WorkspaceId workspace) {
        var examples = new ArrayList<>(ShippedExamples.all());
        jdbc.sql("select intent, text from bot_example where workspace_id = ? order by created_at, id").param(workspace.value())
                .query((row, n) -> new String[] {row.getString(1), row.getString(2)}).list()
                .forEach(row -> Intent.of(row[0]).ifPresent(intent -> examples.add(new IntentModel.Example(row[1], intent))));
        long start = System.nanoTime();
        var model = IntentModel.train(examples);
        log.info("Bot model for workspace {} trained on {} examples in {} ms", workspace.value(), examples.size(),
                (System.nanoTime() - start) / 1_000_000);
        return model;
    }
}
