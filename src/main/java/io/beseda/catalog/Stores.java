package io.beseda.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.beseda.workspace.WorkspaceId;

/** The workspace's stores, kept by the shop's own ids. */
@Service
public class Stores {

    private final JdbcClient jdbc;
    private final Clock clock;

    Stores(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What a store is to be; its id is the shop's. */
    public record Details(String name, String city, String address, @Nullable Double latitude, @Nullable Double longitude,
                          @Nullable String hours, @Nullable String phone) {
    }

    /** The store as saved, and whether it was new. */
    public record Saved(Store store, boolean created) {
    }

    public List<Store> list(WorkspaceId workspace) {
        return jdbc.sql("select * from catalog_store where workspace_id = ? order by city, name, id").param(workspace.value())
                .query((row, n) -> store(row)).list();
    }

    public Optional<Store> find(WorkspaceId workspace, String id) {
        return jdbc.sql("select * from catalog_store where workspace_id = ? and id = ?").params(workspace.value(), id)
                .query((row, n) -> store(row)).optional();
    }

    /** Adds the store or replaces what the workspace knew of it. */
    public Saved save(WorkspaceId workspace, String id, Details details) {
        // xmax is 0 only on a row this statement inserted
        return jdbc.sql("""
                insert into catalog_store (workspace_id, id, name, city, address, latitude, longitude, hours, phone, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (workspace_id, id) do update set name = excluded.name, city = excluded.city,
                    address = excluded.address, latitude = excluded.latitude, longitude = excluded.longitude,
                    hours = excluded.hours, phone = excluded.phone, updated_at = excluded.updated_at
                returning *, (xmax = 0) as created""")
                .params(workspace.value(), id, details.name(), details.city(), details.address(), details.latitude(),
                        details.longitude(), details.hours(), details.phone(), Timestamp.from(clock.instant()))
                .query((row, n) -> new Saved(store(row), row.getBoolean("created"))).single();
    }

    /**
     * Forgets the store. Stock the feed gave for its id stays with the offers until the next feed, shown without
     * a store name.
     *
     * @return whether the workspace had it
     */
    public boolean delete(WorkspaceId workspace, String id) {
        return jdbc.sql("delete from catalog_store where workspace_id = ? and id = ?").params(workspace.value(), id).update() > 0;
    }

    private static Store store(ResultSet row) throws SQLException {
        return new Store(row.getString("id"), row.getString("name"), row.getString("city"), row.getString("address"),
                row.getObject("latitude", Double.class), row.getObject("longitude", Double.class), row.getString("hours"),
                row.getString("phone"), row.getTimestamp("updated_at").toInstant());
    }
}
