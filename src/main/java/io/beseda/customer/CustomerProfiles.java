package io.beseda.customer;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.beseda.shared.RuleViolationException;
import io.beseda.workspace.WorkspaceId;
import tools.jackson.databind.json.JsonMapper;

/**
 * Changes to what a profile says about a person, and the workspace's typed custom attributes. An
 * attribute must be defined before it is set, and its values must match its type.
 */
@Service
public class CustomerProfiles {

    public enum AttributeType { STRING, NUMBER, BOOLEAN, DATE }

    public record AttributeDefinition(String key, AttributeType type, @Nullable String label) {
    }

    /** Fields left null are not changed; attributes given replace those keys (a null value removes one). */
    public record Change(@Nullable String name, @Nullable LocalDate birthday, Customer.@Nullable Gender gender,
                         @Nullable String city, @Nullable ZoneId timeZone, @Nullable Map<String, Object> attributes) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Customers customers;

    CustomerProfiles(JdbcClient jdbc, JsonMapper json, Customers customers) {
        this.jdbc = jdbc;
        this.json = json;
        this.customers = customers;
    }

    public List<AttributeDefinition> attributes(WorkspaceId workspace) {
        return jdbc.sql("select key, type, label from customer_attribute where workspace_id = ? order by key")
                .param(workspace.value())
                .query((row, n) -> new AttributeDefinition(row.getString("key"), AttributeType.valueOf(row.getString("type")),
                        row.getString("label")))
                .list();
    }

    @Transactional
    public AttributeDefinition define(WorkspaceId workspace, AttributeDefinition definition) {
        if (!definition.key().matches("[a-z][a-z0-9_]{0,62}")) {
            throw new RuleViolationException("customer.attribute.key", "An attribute key is lower_snake_case, e.g. loyalty_level");
        }
        jdbc.sql("""
                insert into customer_attribute (workspace_id, key, type, label) values (?, ?, ?, ?)
                on conflict (workspace_id, key) do update set label = excluded.label
                where customer_attribute.type = excluded.type""")
                .params(workspace.value(), definition.key(), definition.type().name(), definition.label()).update();
        var stored = attributes(workspace).stream().filter(a -> a.key().equals(definition.key())).findFirst().orElseThrow();
        if (stored.type() != definition.type()) {
            throw new RuleViolationException("customer.attribute.type-fixed", "Attribute '" + definition.key()
                    + "' is already defined as " + stored.type() + "; its type cannot change");
        }
        return stored;
    }

    @Transactional
    public Customer change(WorkspaceId workspace, CustomerId id, Change change) {
        var customer = customers.get(workspace, id);
        if (customer.erased()) {
            throw new RuleViolationException("customer.erased", "This customer's data was erased and cannot be changed");
        }
        var attributes = new LinkedHashMap<>(customer.attributes());
        if (change.attributes() != null) {
            var types = new LinkedHashMap<String, AttributeType>();
            attributes(workspace).forEach(a -> types.put(a.key(), a.type()));
            change.attributes().forEach((key, value) -> {
                if (value == null) {
                    attributes.remove(key);
                } else {
                    attributes.put(key, typed(key, types.get(key), value));
                }
            });
        }
        jdbc.sql("""
                update customer set name = coalesce(?, name), birthday = coalesce(?, birthday), gender = coalesce(?, gender),
                    city = coalesce(?, city), time_zone = coalesce(?, time_zone), attributes = ?::jsonb
                where workspace_id = ? and id = ?""")
                .params(blankToNull(change.name()), change.birthday(), change.gender() == null ? null : change.gender().name(),
                        blankToNull(change.city()), change.timeZone() == null ? null : change.timeZone().getId(),
                        json.writeValueAsString(attributes), workspace.value(), customer.id().value())
                .update();
        return customers.get(workspace, customer.id());
    }

    private static Object typed(String key, @Nullable AttributeType type, Object value) {
        if (type == null) {
            throw new RuleViolationException("customer.attribute.unknown", "Attribute '" + key + "' is not defined; define it first");
        }
        var ok = switch (type) {
            case STRING -> value instanceof String;
            case NUMBER -> value instanceof Number;
            case BOOLEAN -> value instanceof Boolean;
            case DATE -> value instanceof String s && isDate(s);
        };
        if (!ok) {
            throw new RuleViolationException("customer.attribute.type", "Attribute '" + key + "' takes a " + type
                    + (type == AttributeType.DATE ? " (YYYY-MM-DD)" : ""));
        }
        return value;
    }

    private static boolean isDate(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
