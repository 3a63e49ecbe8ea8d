package io.beseda.shared;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem details in the one shape the whole API uses, field errors included. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String title, @Nullable String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return problem;
    }

    /** A 400 naming the one field that is wrong. */
    public static ProblemDetail badField(String title, String detail, String field, String message) {
        var problem = of(HttpStatus.BAD_REQUEST, title, detail);
        problem.setProperty("errors", List.of(fieldError(field, message)));
        return problem;
    }

    public static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
