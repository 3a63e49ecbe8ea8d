package io.beseda.customer.segment.rule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import io.beseda.customer.segment.rule.InvalidRuleException.Problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleParserTests {

    private static final Map<String, AttributeType> ATTRIBUTES = Map.of(
            "tier", AttributeType.STRING, "bonus", AttributeType.NUMBER,
            "vip", AttributeType.BOOLEAN, "joined", AttributeType.DATE);

    private static Rule parse(String json) {
        return RuleParser.parse(json, ATTRIBUTES);
    }

    private static void refused(String json, String path, Problem problem, String inMessage) {
        ThrowingCallable parsing = () -> parse(json);
        assertThatThrownBy(parsing).isInstanceOfSatisfying(InvalidRuleException.class, e -> {
            assertThat(e.path()).isEqualTo(path);
            assertThat(e.problem()).isEqualTo(problem);
            assertThat(e.getMessage()).startsWith(path + " ").contains(inMessage);
        });
    }

    @Test
    void readsEveryKindOfCondition() {
        var rule = parse("""
                {"all": [
                  {"any": [{"attribute": {"key": "tier", "op": "eq", "value": "gold"}},
                           {"attribute": {"key": "bonus", "op": "gte", "value": 100.5}},
                           {"attribute": {"key": "vip", "op": "eq", "value": true}},
                           {"attribute": {"key": "joined", "op": "lt", "value": "2025-01-31"}},
                           {"attribute": {"key": "tier", "op": "exists"}}]},
                  {"city": {"op": "contains", "value": " Казань "}},
                  {"gender": {"op": "eq", "value": "female"}},
                  {"birthdayMonth": {"op": "eq", "value": 3}},
                  {"viewedCategory": {"products": 3, "days": 7, "category": "Обувь"}},
                  {"viewedCategory": {"products": 2, "days": 14}},
                  {"orders": {"op": "lte", "count": 1, "days": 30}},
                  {"not": {"noOrder": {"days": 90}}},
                  {"cart": {"op": "gt", "value": 5000}},
                  {"lastSeen": {"days": 7}},
                  {"rfm": {"r": [4, 5], "m": [1, 3]}},
                  {"shopper": "hesitant"},
                  {"abandonedCart": {"hours": 2}}
                ]}""");

        assertThat(rule).isEqualTo(new Rule.All(List.of(
                new Rule.Any(List.of(
                        new Rule.Attribute("tier", AttributeType.STRING, Comparison.EQ, "gold"),
                        new Rule.Attribute("bonus", AttributeType.NUMBER, Comparison.GTE, new BigDecimal("100.5")),
                        new Rule.Attribute("vip", AttributeType.BOOLEAN, Comparison.EQ, true),
                        new Rule.Attribute("joined", AttributeType.DATE, Comparison.LT, LocalDate.of(2025, 1, 31)),
                        new Rule.Attribute("tier", AttributeType.STRING, Comparison.EXISTS, null))),
                new Rule.City(Comparison.CONTAINS, "Казань"),
                new Rule.Gender(Comparison.EQ, "FEMALE"),
                new Rule.BirthdayMonth(Comparison.EQ, 3),
                new Rule.ViewedCategory(3, 7, "Обувь"),
                new Rule.ViewedCategory(2, 14, null),
                new Rule.Orders(Comparison.LTE, 1, 30),
                new Rule.Not(new Rule.NoOrder(90)),
                new Rule.CartValue(Comparison.GT, new BigDecimal("5000")),
                new Rule.LastSeen(7),
                new Rule.Rfm(new Rule.Rfm.Range(4, 5), null, new Rule.Rfm.Range(1, 3)),
                new Rule.Shopper(ShopperType.HESITANT),
                new Rule.AbandonedCart(2))));
    }

    @Test
    void namesThePathToANumberOutOfRange() {
        refused("""
                {"all": [{"lastSeen": {"days": 7}}, {"orders": {"op": "gte", "count": 2, "days": 0}}]}""",
                "rule.all[1].orders.days", Problem.WHOLE_NUMBER, "must be a whole number from 1 to 3650");
    }

    @Test
    void refusesAnUnknownConditionAndListsTheKnownOnes() {
        refused("{\"any\": [{\"purchased\": {\"days\": 3}}]}", "rule.any[0]", Problem.UNKNOWN_CONDITION,
                "unknown condition 'purchased'; use one of all, any, not, attribute");
    }

    @Test
    void refusesAnObjectWithTwoConditions() {
        refused("{\"lastSeen\": {\"days\": 7}, \"noOrder\": {\"days\": 30}}", "rule", Problem.NOT_A_CONDITION,
                "exactly one condition");
    }

    @Test
    void refusesAFieldTheConditionDoesNotHave() {
        refused("{\"noOrder\": {\"days\": 30, \"weeks\": 2}}", "rule.noOrder", Problem.UNKNOWN_FIELD,
                "unknown field 'weeks'; expected days");
    }

    @Test
    void refusesAMissingField() {
        refused("{\"viewedCategory\": {\"days\": 7}}", "rule.viewedCategory.products", Problem.MISSING, "is required");
    }

    @Test
    void refusesAnAttributeTheWorkspaceDoesNotHave() {
        refused("{\"attribute\": {\"key\": \"shoe_size\", \"op\": \"eq\", \"value\": \"42\"}}", "rule.attribute.key",
                Problem.UNKNOWN_ATTRIBUTE, "'shoe_size', which is not a customer attribute of this workspace (defined: bonus, joined, tier, vip)");
    }

    @Test
    void checksTheValueAgainstTheAttributesType() {
        refused("{\"attribute\": {\"key\": \"bonus\", \"op\": \"gt\", \"value\": \"many\"}}", "rule.attribute.value",
                Problem.NUMBER, "must be a number");
        refused("{\"attribute\": {\"key\": \"vip\", \"op\": \"eq\", \"value\": \"yes\"}}", "rule.attribute.value",
                Problem.BOOLEAN, "must be true or false");
        refused("{\"attribute\": {\"key\": \"joined\", \"op\": \"gt\", \"value\": \"31.01.2025\"}}", "rule.attribute.value",
                Problem.DATE, "YYYY-MM-DD");
        refused("{\"attribute\": {\"key\": \"tier\", \"op\": \"eq\", \"value\": 5}}", "rule.attribute.value",
                Problem.TEXT, "must be a text");
    }

    @Test
    void refusesAnOperatorThatDoesNotFitTheType() {
        refused("{\"attribute\": {\"key\": \"bonus\", \"op\": \"contains\", \"value\": 1}}", "rule.attribute.op",
                Problem.OPERATOR, "cannot be 'contains' here; use one of eq, ne, gt, gte, lt, lte, exists");
        refused("{\"city\": {\"op\": \"gt\", \"value\": \"Казань\"}}", "rule.city.op",
                Problem.OPERATOR, "use one of eq, ne, contains, exists");
        refused("{\"orders\": {\"op\": \"exists\", \"count\": 1, \"days\": 30}}", "rule.orders.op",
                Problem.OPERATOR, "use one of eq, ne, gt, gte, lt, lte");
    }

    @Test
    void existsComparesNothing() {
        refused("{\"city\": {\"op\": \"exists\", \"value\": \"Казань\"}}", "rule.city.value",
                Problem.NO_VALUE_FOR_EXISTS, "must not be given with 'exists'");
    }

    @Test
    void rfmNeedsAScoreInAnOrderedRangeFromOneToFive() {
        refused("{\"rfm\": {}}", "rule.rfm", Problem.NO_SCORES, "at least one of r, f and m");
        refused("{\"rfm\": {\"r\": [5, 4]}}", "rule.rfm.r", Problem.SCORE_RANGE, "1 ≤ from ≤ to ≤ 5");
        refused("{\"rfm\": {\"f\": [0, 5]}}", "rule.rfm.f[0]", Problem.WHOLE_NUMBER, "from 1 to 5");
        refused("{\"rfm\": {\"m\": 5}}", "rule.rfm.m", Problem.SCORE_RANGE, "[from, to]");
    }

    @Test
    void knowsOnlyTheThreeShopperTypes() {
        refused("{\"shopper\": \"impulsive\"}", "rule.shopper", Problem.ONE_OF, "decided, browser, hesitant");
    }

    @Test
    void combinatorsNeedConditions() {
        refused("{\"all\": []}", "rule.all", Problem.NOT_A_LIST, "list of 1 to 50 conditions");
        refused("{\"any\": {\"lastSeen\": {\"days\": 1}}}", "rule.any", Problem.NOT_A_LIST, "list");
        refused("{\"not\": [{\"lastSeen\": {\"days\": 1}}]}", "rule.not", Problem.NOT_A_CONDITION, "exactly one condition");
    }

    @Test
    void saysWhereTheJsonBreaks() {
        refused("{\"lastSeen\": {\"days\": 7}\n", "rule", Problem.MALFORMED, "is not valid JSON (line 2");
    }

    @Test
    void refusesRulesTooDeepOrTooLarge() {
        var deep = "{\"not\": ".repeat(10) + "{\"lastSeen\": {\"days\": 1}}" + "}".repeat(10);
        refused(deep, "rule" + ".not".repeat(10), Problem.TOO_DEEP, "deeper than 10 levels");

        var wide = "{\"any\": [" + String.join(",", java.util.Collections.nCopies(2, "{\"all\": ["
                + String.join(",", java.util.Collections.nCopies(50, "{\"lastSeen\": {\"days\": 1}}")) + "]}")) + "]}";
        refused(wide, "rule.any[1].all[47]", Problem.TOO_LARGE, "more than 100 conditions");
    }
}
