package io.beseda.journey.runtime;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.journey.definition.JourneyDefinition;

/**
 * Launched versions, kept per node: a launched version never changes (an edit makes a new version), so every
 * timer of a busy journey does not read and parse its definition again.
 */
@Component
class Definitions {

    private record Key(UUID journey, int version) {
    }

    /** What runs need of a journey besides the definition: whether it still takes and keeps customers. */
    record Live(JourneyDefinition definition, String status) {
    }

    private final ConcurrentHashMap<Key, JourneyDefinition> launched = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final JourneyJson json;

    Definitions(JdbcClient jdbc, JourneyJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Nullable JourneyDefinition version(UUID journey, int version) {
        var key = new Key(journey, version);
        var cached = launched.get(key);
        if (cached != null) {
            return cached;
        }
        var row = jdbc.sql("select definition, launched_at from journey_version where journey_id = ? and version = ?")
                .params(journey, version)
                .query((r, n) -> new Object[] {json.read(r.getString("definition")), r.getTimestamp("launched_at")}).optional();
        if (row.isEmpty()) {
            return null;
        }
        var definition = (JourneyDefinition) row.get()[0];
        if (row.get()[1] != null) {
            if (launched.size() > 10_000) {
                launched.clear();
            }
            launched.put(key, definition);
        }
        return definition;
    }
}
