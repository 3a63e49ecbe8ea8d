package io.beseda.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.beseda.catalog.feed.FeedRefusal;
import io.beseda.workspace.WorkspaceId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The workspace's past feed imports, read back as the reports they returned. */
@Service
public class ImportHistory {

    /** How many of the latest imports a list shows. */
    public static final int RECENT = 20;

    private static final TypeReference<List<FeedRefusal>> REFUSALS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ImportHistory(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The latest {@link #RECENT} imports, newest first. */
    public List<ImportReport> recent(WorkspaceId workspace) {
        return jdbc.sql("select * from catalog_import where workspace_id = ? order by started_at desc, id limit ?")
                .params(workspace.value(), RECENT).query((row, n) -> report(row)).list();
    }

    public Optional<ImportReport> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select * from catalog_import where workspace_id = ? and id = ?").params(workspace.value(), id)
                .query((row, n) -> report(row)).optional();
    }

    private ImportReport report(ResultSet row) throws SQLException {
        return new ImportReport(row.getObject("id", UUID.class), row.getString("source"),
                row.getTimestamp("started_at").toInstant(), row.getTimestamp("finished_at").toInstant(), row.getInt("categories"),
                row.getInt("added"), row.getInt("changed"), row.getInt("unchanged"), row.getInt("withdrawn"), row.getInt("refused"),
                json.readValue(row.getString("refusals"), REFUSALS), row.getString("failure"));
    }
}
