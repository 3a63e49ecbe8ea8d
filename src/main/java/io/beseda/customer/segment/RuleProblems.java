package io.beseda.customer.segment;

import org.springframework.http.ProblemDetail;

import io.beseda.customer.segment.rule.InvalidRuleException;
import io.beseda.shared.Problems;

/** An invalid rule as RFC 9457 problem details, in the shape the API uses for invalid fields. */
final class RuleProblems {

    private RuleProblems() {
    }

    static ProblemDetail of(InvalidRuleException e) {
        var problem = Problems.badField("Invalid rule", "The rule is not valid: " + e.getMessage() + ".", e.path(), e.reason());
        problem.setProperty("code", "segment.rule." + e.problem().code());
        return problem;
    }
}
