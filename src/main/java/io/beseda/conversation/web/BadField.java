package io.beseda.conversation.web;

import org.springframework.http.ProblemDetail;

import io.beseda.conversation.InvalidTemplateException;
import io.beseda.shared.Problems;

/** A request field that bean validation cannot judge (a time zone, business hours, a template) is wrong. */
class BadField extends RuntimeException {

    private final String field;

    BadField(String field, String message) {
        super(message);
        this.field = field;
    }

    ProblemDetail problem() {
        return Problems.badField("Validation failed", "'" + field + "' " + getMessage(), field, getMessage());
    }

    static ProblemDetail problem(InvalidTemplateException e) {
        return new BadField(e.field(), e.getMessage()).problem();
    }
}
