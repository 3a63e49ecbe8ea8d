package io.beseda.catalog;

/** A feed larger than {@link FeedImports#MAX_BYTES}: refused while it is read, nothing imported. */
public class FeedTooLargeException extends RuntimeException {

    public FeedTooLargeException(long limit) {
        super("Файл фида больше " + limit / (1024 * 1024) + " МБ · the feed file is larger than " + limit / (1024 * 1024)
                + " MB");
    }
}
