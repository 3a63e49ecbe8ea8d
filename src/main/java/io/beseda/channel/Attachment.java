package io.beseda.channel;

import org.jspecify.annotations.Nullable;

/**
 * A file in a message: a photo of a product to order, of a defect to return.
 *
 * @param url      where it can be fetched; files Beseda keeps are served from {@code /files/…}
 * @param mimeType what it is, as sniffed from its first bytes for files Beseda keeps
 */
public record Attachment(String url, String mimeType, long size, @Nullable String name) {

    public boolean image() {
        return mimeType.startsWith("image/");
    }
}
