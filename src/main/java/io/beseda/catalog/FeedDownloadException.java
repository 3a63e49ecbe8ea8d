package io.beseda.catalog;

/**
 * The feed could not be fetched from the URL the shop gave: the server refused, did not answer in time, or
 * answered with an error. Nothing was imported; the message says what happened in words a shop can act on.
 */
public class FeedDownloadException extends RuntimeException {

    public FeedDownloadException(String message) {
        super(message);
    }

    public FeedDownloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
