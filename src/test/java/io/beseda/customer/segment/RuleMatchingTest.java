package io.beseda.customer.segment;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.customer.segment.rule.RuleParser;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.WorkspaceId;

/**
 * What rule tests share: a fresh shop per test, a {@link History} written at the fixed moment
 * {@link #NOW}, and the rule run by the same {@link RuleMatcher} segments use.
 */
@BesedaTest
abstract class RuleMatchingTest {

    static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Customers customers;

    @Autowired
    RuleMatcher matcher;

    @Autowired
    WorkspaceRules rules;

    @Autowired
    TestWorkspaces workspaces;

    WorkspaceId workspace;
    History history;

    @BeforeEach
    void freshShop() {
        workspace = workspaces.create("Правила").workspace().id();
        history = new History(jdbc, customers, workspace, NOW);
    }

    List<CustomerId> matching(String rule) {
        return matcher.matching(workspace, RuleParser.parse(rule, rules.attributes(workspace)), NOW);
    }
}
