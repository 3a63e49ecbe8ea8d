package io.beseda.customer.segment.rule;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A rule that cannot be used, with where ({@code path}, such as {@code rule.all[1].orders.days}) and what
 * is wrong. {@link #problem()} and {@link #arguments()} let the console say it in the reader's language
 * (message {@code segment.rule.<code>}); {@link #getMessage()} says it in English for the API.
 */
public class InvalidRuleException extends RuntimeException {

    /** What can be wrong with a rule, each with its message code and English text. */
    public enum Problem {
        MALFORMED("malformed", "is not valid JSON (line {0}, column {1})"),
        NOT_A_CONDITION("not-a-condition", "must be an object with exactly one condition, such as '{'\"lastSeen\": '{'\"days\": 7'}}'"),
        UNKNOWN_CONDITION("unknown-condition", "has the unknown condition ''{0}''; use one of {1}"),
        NOT_AN_OBJECT("not-an-object", "must be an object with the fields {0}"),
        UNKNOWN_FIELD("unknown-field", "has the unknown field ''{0}''; expected {1}"),
        MISSING("missing", "is required"),
        NOT_A_LIST("not-a-list", "must be a list of 1 to {0} conditions"),
        WHOLE_NUMBER("whole-number", "must be a whole number from {0} to {1}"),
        NUMBER("number", "must be a number"),
        TEXT("text", "must be a text of 1 to {0} characters"),
        BOOLEAN("boolean", "must be true or false"),
        DATE("date", "must be a date written as YYYY-MM-DD"),
        ONE_OF("one-of", "must be one of {0}"),
        OPERATOR("operator", "cannot be ''{0}'' here; use one of {1}"),
        NO_VALUE_FOR_EXISTS("no-value-for-exists", "must not be given with ''exists''"),
        UNKNOWN_ATTRIBUTE("unknown-attribute", "names ''{0}'', which is not a customer attribute of this workspace (defined: {1})"),
        SCORE_RANGE("score-range", "must be [from, to] with 1 ≤ from ≤ to ≤ 5"),
        NO_SCORES("no-scores", "needs at least one of r, f and m"),
        TOO_DEEP("too-deep", "nests conditions deeper than {0} levels"),
        TOO_LARGE("too-large", "has more than {0} conditions");

        private final String code;
        private final String english;

        Problem(String code, String english) {
            this.code = code;
            this.english = english;
        }

        public String code() {
            return code;
        }
    }

    private final String path;
    private final Problem problem;
    private final List<String> arguments;

    public InvalidRuleException(String path, Problem problem, Object... arguments) {
        this(path, problem, Arrays.stream(arguments).map(String::valueOf).toList());
    }

    // Arguments become text up front, so numbers read "3650" and not "3,650" in any language.
    private InvalidRuleException(String path, Problem problem, List<String> arguments) {
        super(path + " " + new MessageFormat(problem.english, Locale.ROOT).format(arguments.toArray()));
        this.path = path;
        this.problem = problem;
        this.arguments = arguments;
    }

    public String path() {
        return path;
    }

    public Problem problem() {
        return problem;
    }

    public List<String> arguments() {
        return arguments;
    }

    /** What is wrong, without the path: {@code must be a whole number from 1 to 3650}. */
    public String reason() {
        return getMessage().substring(path.length() + 1);
    }
}
