package io.beseda.customer.storefront;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.beseda.customer.Identity;
import io.beseda.customer.IdentityKind;
import io.beseda.customer.storefront.IngestResult.FieldError;
import io.beseda.customer.storefront.IngestResult.Rejection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a batch item by item, so one malformed event is refused with its reasons while the rest of the
 * batch goes in. Known types must carry what their projections need; unknown types are kept as custom.
 */
@Component
public class StorefrontEventParser {

    public static final int MAX_BATCH = 1000;
    private static final int MAX_PROPERTIES_CHARS = 32_768;
    private static final Duration FUTURE_TOLERANCE = Duration.ofHours(24);

    /** The JSON names of a customer's identities in an event. */
    static final Map<String, IdentityKind> IDENTITY_FIELDS = Map.of(
            "phone", IdentityKind.PHONE, "email", IdentityKind.EMAIL, "shopCustomerId", IdentityKind.SHOP_ID,
            "visitorId", IdentityKind.VISITOR, "telegramId", IdentityKind.TELEGRAM,
            "whatsappId", IdentityKind.WHATSAPP, "viberId", IdentityKind.VIBER, "vkId", IdentityKind.VK,
            "maxId", IdentityKind.MAX);

    private static final Map<String, List<String>> REQUIRED_PROPERTIES = Map.of(
            "product_viewed", List.of("productId"),
            "category_viewed", List.of("category"),
            "search", List.of("query"),
            "cart_updated", List.of("items"),
            "order_placed", List.of("orderId"),
            "order_status_changed", List.of("orderId", "status"));

    private final Clock clock;

    StorefrontEventParser(Clock clock) {
        this.clock = clock;
    }

    public record Parsed(List<StorefrontEvent> events, List<Rejection> rejected) {
    }

    /** Parses {@code events[]}; the caller has already checked the batch is an array of at most {@link #MAX_BATCH}. */
    public Parsed parse(JsonNode events) {
        var valid = new ArrayList<StorefrontEvent>();
        var rejected = new ArrayList<Rejection>();
        for (int i = 0; i < events.size(); i++) {
            var errors = new ArrayList<FieldError>();
            var event = parseOne(events.get(i), errors);
            if (errors.isEmpty() && event != null) {
                valid.add(event);
            } else {
                rejected.add(new Rejection(i, events.get(i).path("id").asString(""), errors));
            }
        }
        return new Parsed(valid, rejected);
    }

    private StorefrontEvent parseOne(JsonNode node, List<FieldError> errors) {
        if (!node.isObject()) {
            errors.add(new FieldError("", "must be a JSON object"));
            return null;
        }
        var id = text(node, "id", 200, errors);
        var type = text(node, "type", 64, errors);
        if (type != null && !type.matches("[a-z][a-z0-9_]{0,63}")) {
            errors.add(new FieldError("type", "must be lower_snake_case, like product_viewed"));
        }
        var occurredAt = instant(node, errors);
        var identities = identities(node.path("customer"), errors);
        var properties = properties(node.path("properties"), type, errors);
        if (!errors.isEmpty()) {
            return null;
        }
        return new StorefrontEvent(id, type, occurredAt, identities, properties);
    }

    private static String text(JsonNode node, String field, int max, List<FieldError> errors) {
        var value = node.path(field);
        if (!value.isString() || value.asString().isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (value.asString().length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
            return null;
        }
        return value.asString();
    }

    private Instant instant(JsonNode node, List<FieldError> errors) {
        var value = node.path("occurredAt");
        if (!value.isString()) {
            errors.add(new FieldError("occurredAt", "is required, as ISO-8601 with an offset"));
            return null;
        }
        try {
            var at = OffsetDateTime.parse(value.asString()).toInstant();
            if (at.isAfter(clock.instant().plus(FUTURE_TOLERANCE))) {
                errors.add(new FieldError("occurredAt", "is more than a day in the future"));
            }
            return at;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("occurredAt", "must be ISO-8601 with an offset, like 2026-11-23T10:15:30+03:00"));
            return null;
        }
    }

    private static List<Identity> identities(JsonNode customer, List<FieldError> errors) {
        if (!customer.isObject()) {
            errors.add(new FieldError("customer", "is required: an object with at least one identity, e.g. visitorId"));
            return List.of();
        }
        var identities = new ArrayList<Identity>();
        for (var field : customer.propertyNames()) {
            var kind = IDENTITY_FIELDS.get(field);
            var value = customer.get(field);
            if (kind == null) {
                errors.add(new FieldError("customer." + field, "is not a known identity; use one of " + IDENTITY_FIELDS.keySet()));
            } else if (value.isNull()) {
                continue;
            } else if (!(value.isString() || value.isIntegralNumber()) || value.asString().isBlank() || value.asString().length() > 320) {
                errors.add(new FieldError("customer." + field, "must be a non-empty string of at most 320 characters"));
            } else {
                identities.add(Identity.of(kind, value.asString()));
            }
        }
        if (identities.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("customer", "needs at least one identity, e.g. visitorId"));
        }
        return identities;
    }

    private static ObjectNode properties(JsonNode properties, String type, List<FieldError> errors) {
        if (properties.isMissingNode() || properties.isNull()) {
            properties = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
        if (!properties.isObject()) {
            errors.add(new FieldError("properties", "must be an object"));
            return null;
        }
        if (properties.toString().length() > MAX_PROPERTIES_CHARS) {
            errors.add(new FieldError("properties", "must be at most " + MAX_PROPERTIES_CHARS + " characters of JSON"));
        }
        for (var required : REQUIRED_PROPERTIES.getOrDefault(type == null ? "" : type, List.of())) {
            var value = properties.path(required);
            if (value.isMissingNode() || value.isNull() || (value.isString() && value.asString().isBlank())) {
                errors.add(new FieldError("properties." + required, "is required for " + type));
            }
        }
        if ("cart_updated".equals(type) && properties.has("items") && !properties.get("items").isArray()) {
            errors.add(new FieldError("properties.items", "must be an array"));
        }
        return (ObjectNode) properties;
    }
}
