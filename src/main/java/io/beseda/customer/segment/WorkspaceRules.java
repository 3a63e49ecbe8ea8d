package io.beseda.customer.segment;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.customer.segment.rule.AttributeType;
import io.beseda.customer.segment.rule.Rule;
import io.beseda.customer.segment.rule.RuleParser;
import io.beseda.workspace.WorkspaceId;
import tools.jackson.databind.JsonNode;

/** Reads rules against the workspace's own custom attributes, whose keys and types rules may use. */
@Component
class WorkspaceRules {

    private final JdbcClient jdbc;

    WorkspaceRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, AttributeType> attributes(WorkspaceId workspace) {
        var types = new HashMap<String, AttributeType>();
        jdbc.sql("select key, type from customer_attribute where workspace_id = ?").param(workspace.value())
                .query(row -> {
                    types.put(row.getString("key"), AttributeType.valueOf(row.getString("type")));
                });
        return Map.copyOf(types);
    }

    Rule parse(WorkspaceId workspace, JsonNode rule) {
        return RuleParser.parse(rule, attributes(workspace));
    }
}
