package io.beseda.customer.segment.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.beseda.customer.segment.rule.InvalidRuleException.Problem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a rule from its JSON and checks everything that can be checked before running it: the shape of
 * every condition, numbers in range, operators that fit the value, and custom attributes that exist in
 * the workspace with the type the value has. The first problem found is thrown as
 * {@link InvalidRuleException}, with the path to the offending part ({@code rule.any[2].orders.days}).
 */
public final class RuleParser {

    static final int MAX_DEPTH = 10;
    static final int MAX_CONDITIONS = 100;
    static final int MAX_LIST = 50;
    static final List<String> CONDITIONS = List.of("all", "any", "not", "attribute", "city", "gender",
            "birthdayMonth", "viewedCategory", "orders", "noOrder", "cart", "lastSeen", "rfm", "shopper",
            "abandonedCart");

    private final Map<String, AttributeType> attributes;
    private int conditions;

    private RuleParser(Map<String, AttributeType> attributes) {
        this.attributes = attributes;
    }

    /** Parses a rule; {@code attributes} are the workspace's custom attribute definitions by key. */
    public static Rule parse(JsonNode json, Map<String, AttributeType> attributes) {
        return new RuleParser(attributes).rule(json, "rule", 1);
    }

    /** Parses a rule written as JSON text, as the console's form sends it. */
    public static Rule parse(String json, Map<String, AttributeType> attributes) {
        return parse(readTree(json), attributes);
    }

    /** The JSON tree of a rule's text, or {@link Problem#MALFORMED} saying where it breaks. */
    public static JsonNode readTree(String json) {
        try {
            return JsonMapper.shared().readTree(json);
        } catch (JacksonException e) {
            var where = e.getLocation();
            throw new InvalidRuleException("rule", Problem.MALFORMED, where == null ? 1 : where.getLineNr(),
                    where == null ? 1 : where.getColumnNr());
        }
    }

    private Rule rule(JsonNode node, String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw new InvalidRuleException(path, Problem.TOO_DEEP, MAX_DEPTH);
        }
        if (++conditions > MAX_CONDITIONS) {
            throw new InvalidRuleException(path, Problem.TOO_LARGE, MAX_CONDITIONS);
        }
        if (node == null || !node.isObject() || node.size() != 1) {
            throw new InvalidRuleException(path, Problem.NOT_A_CONDITION);
        }
        var name = node.propertyNames().iterator().next();
        var body = node.get(name);
        var at = path + "." + name;
        return switch (name) {
            case "all" -> new Rule.All(list(body, at, depth));
            case "any" -> new Rule.Any(list(body, at, depth));
            case "not" -> new Rule.Not(rule(body, at, depth + 1));
            case "attribute" -> ProfileConditions.attribute(body, at, attributes);
            case "city" -> ProfileConditions.city(body, at);
            case "gender" -> ProfileConditions.gender(body, at);
            case "birthdayMonth" -> ProfileConditions.birthdayMonth(body, at);
            case "viewedCategory" -> BehaviourConditions.viewedCategory(body, at);
            case "orders" -> BehaviourConditions.orders(body, at);
            case "noOrder" -> BehaviourConditions.noOrder(body, at);
            case "cart" -> BehaviourConditions.cart(body, at);
            case "lastSeen" -> BehaviourConditions.lastSeen(body, at);
            case "rfm" -> BehaviourConditions.rfm(body, at);
            case "shopper" -> BehaviourConditions.shopper(body, at);
            case "abandonedCart" -> BehaviourConditions.abandonedCart(body, at);
            default -> throw new InvalidRuleException(path, Problem.UNKNOWN_CONDITION, name, String.join(", ", CONDITIONS));
        };
    }

    private List<Rule> list(JsonNode node, String path, int depth) {
        if (!node.isArray() || node.isEmpty() || node.size() > MAX_LIST) {
            throw new InvalidRuleException(path, Problem.NOT_A_LIST, MAX_LIST);
        }
        var rules = new ArrayList<Rule>(node.size());
        for (int i = 0; i < node.size(); i++) {
            rules.add(rule(node.get(i), path + "[" + i + "]", depth + 1));
        }
        return List.copyOf(rules);
    }
}
