package io.beseda.customer.segment;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import io.beseda.customer.segment.rule.InvalidRuleException;

/** An invalid rule as RFC 9457 problem details, in the shape the API uses for invalid fields. */
final class RuleProblems {

    private RuleProblems() {
    }

    static ProblemDetail of(InvalidRuleException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The rule is not valid: " + e.getMessage() + ".");
        problem.setTitle("Invalid rule");
        problem.setType(URI.create("about:blank"));
        problem.setProperty("code", "segment.rule." + e.problem().code());
        problem.setProperty("errors", List.of(Map.of("field", e.path(), "message", e.reason())));
        return problem;
    }
}
