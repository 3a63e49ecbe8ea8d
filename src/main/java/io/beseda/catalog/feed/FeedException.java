package io.beseda.catalog.feed;

/** The file is not a feed we can read at all (not XML, not YML, a forbidden construct); nothing was imported. */
public class FeedException extends RuntimeException {

    public FeedException(String message) {
        super(message);
    }

    public FeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
