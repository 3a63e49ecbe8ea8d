package io.beseda.bot.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import io.beseda.shared.Problems;

/** A 400 naming the one field bean validation cannot judge (an intent id, a text's key). */
final class BadField {

    private BadField() {
    }

    static ErrorResponseException of(String field, String message) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST,
                Problems.badField("Validation failed", "'" + field + "' " + message, field, message), null);
    }
}
