package io.beseda.conversation;

/** A canned reply's text is not a valid Liquid template; {@code field} names what to fix. */
public class InvalidTemplateException extends RuntimeException {

    private final String field;

    public InvalidTemplateException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
