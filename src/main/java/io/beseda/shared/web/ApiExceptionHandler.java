package io.beseda.shared.web;

import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.beseda.shared.NotFoundException;
import io.beseda.shared.Problems;
import io.beseda.shared.RuleViolationException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/**
 * Turns what goes wrong in a REST controller into RFC 9457 problem details that name what to fix:
 * the field that is wrong, the id that does not exist, the rule that refused. Never a stack trace.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Not Found", e.getMessage());
    }

    @ExceptionHandler(RuleViolationException.class)
    ProblemDetail ruleViolation(RuleViolationException e) {
        var problem = Problems.of(HttpStatus.CONFLICT, "Conflict", e.getMessage());
        problem.setProperty("code", e.code());
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        var type = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName();
        var problem = Problems.of(HttpStatus.BAD_REQUEST, "Bad Request",
                "Parameter '" + e.getName() + "' must be a valid " + type + ".");
        problem.setProperty("errors", List.of(Problems.fieldError(e.getName(), "must be a valid " + type)));
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error in an API request", e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal Server Error",
                "Something went wrong on our side. Nothing was changed by the failed part of the request.");
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Problems.fieldError(f.getField(), String.valueOf(f.getDefaultMessage())))
                .toList();
        var detail = errors.stream().map(f -> "'" + f.get("field") + "' " + f.get("message"))
                .collect(Collectors.joining("; "));
        var problem = Problems.of(HttpStatus.BAD_REQUEST, "Validation failed", detail);
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem;
        if (e.getCause() instanceof StreamReadException json) {
            var where = json.getLocation() == null ? "" : " at line " + json.getLocation().getLineNr()
                    + ", column " + json.getLocation().getColumnNr();
            problem = Problems.of(HttpStatus.BAD_REQUEST, "Malformed JSON", "The request body is not valid JSON" + where + ".");
        } else if (e.getCause() instanceof JacksonException mapping && !mapping.getPath().isEmpty()) {
            var field = mapping.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            problem = Problems.of(HttpStatus.BAD_REQUEST, "Bad Request", "Field '" + field + "' has a value of the wrong type or format.");
            problem.setProperty("errors", List.of(Problems.fieldError(field, "has a value of the wrong type or format")));
        } else {
            problem = Problems.of(HttpStatus.BAD_REQUEST, "Bad Request", "The request body is missing or cannot be read.");
        }
        return ResponseEntity.badRequest().body(problem);
    }

}
