package io.beseda.customer.segment.rule;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.beseda.customer.segment.rule.InvalidRuleException.Problem;
import tools.jackson.databind.JsonNode;

/** Reads the conditions on what the customer did: views, orders, cart, visits, RFM and shopper type. */
final class BehaviourConditions {

    static final int MAX_DAYS = 3650;

    private BehaviourConditions() {
    }

    static Rule viewedCategory(JsonNode body, String path) {
        var fields = Fields.of(body, path, List.of("products", "days", "category"));
        return new Rule.ViewedCategory(fields.wholeNumber("products", 1, 1000), days(fields),
                fields.optionalText("category", 200));
    }

    static Rule orders(JsonNode body, String path) {
        var fields = Fields.of(body, path, List.of("op", "count", "days"));
        return new Rule.Orders(fields.op(Comparison.ORDERING), fields.wholeNumber("count", 0, 100_000), days(fields));
    }

    static Rule noOrder(JsonNode body, String path) {
        return new Rule.NoOrder(days(Fields.of(body, path, List.of("days"))));
    }

    static Rule cart(JsonNode body, String path) {
        var fields = Fields.of(body, path, List.of("op", "value"));
        return new Rule.CartValue(fields.op(Comparison.ORDERING), fields.number("value"));
    }

    static Rule lastSeen(JsonNode body, String path) {
        return new Rule.LastSeen(days(Fields.of(body, path, List.of("days"))));
    }

    static Rule abandonedCart(JsonNode body, String path) {
        return new Rule.AbandonedCart(Fields.of(body, path, List.of("hours")).wholeNumber("hours", 1, 24 * 365));
    }

    static Rule rfm(JsonNode body, String path) {
        var fields = Fields.of(body, path, List.of("r", "f", "m"));
        var rfm = new Rule.Rfm(range(fields, "r"), range(fields, "f"), range(fields, "m"));
        if (rfm.r() == null && rfm.f() == null && rfm.m() == null) {
            throw new InvalidRuleException(path, Problem.NO_SCORES);
        }
        return rfm;
    }

    static Rule shopper(JsonNode body, String path) {
        var names = Arrays.stream(ShopperType.values()).map(ShopperType::json).collect(Collectors.joining(", "));
        if (!body.isString()) {
            throw new InvalidRuleException(path, Problem.ONE_OF, names);
        }
        return ShopperType.ofJson(body.stringValue()).map(Rule.Shopper::new)
                .orElseThrow(() -> new InvalidRuleException(path, Problem.ONE_OF, names));
    }

    private static int days(Fields fields) {
        return fields.wholeNumber("days", 1, MAX_DAYS);
    }

    private static Rule.Rfm.@Nullable Range range(Fields fields, String score) {
        if (!fields.has(score)) {
            return null;
        }
        var value = fields.required(score);
        var path = fields.path(score);
        if (!value.isArray() || value.size() != 2) {
            throw new InvalidRuleException(path, Problem.SCORE_RANGE);
        }
        var from = Fields.wholeNumber(value.get(0), path + "[0]", 1, 5);
        var to = Fields.wholeNumber(value.get(1), path + "[1]", 1, 5);
        if (from > to) {
            throw new InvalidRuleException(path, Problem.SCORE_RANGE);
        }
        return new Rule.Rfm.Range(from, to);
    }
}
