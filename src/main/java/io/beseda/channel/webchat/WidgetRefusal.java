package io.beseda.channel.webchat;

import org.jspecify.annotations.Nullable;

/**
 * Something a widget asked for that Beseda will not do; it becomes an error frame whose text comes from
 * {@code webchat.widget.error.<code>} in the visitor's language. The connection stays open.
 */
final class WidgetRefusal extends RuntimeException {

    private final String code;
    private final @Nullable String clientId;

    WidgetRefusal(String code, @Nullable String clientId) {
        super(code, null, false, false);
        this.code = code;
        this.clientId = clientId;
    }

    WidgetRefusal(String code) {
        this(code, null);
    }

    String code() {
        return code;
    }

    @Nullable String clientId() {
        return clientId;
    }
}
