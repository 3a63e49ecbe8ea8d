package io.beseda.shared.database;

import java.io.IOException;

import org.jspecify.annotations.Nullable;

/** The server the application talks to; closing it stops the embedded server if we started it. */
record DatabaseLocation(String url, @Nullable String user, @Nullable String password,
                        @Nullable EmbeddedPostgresServer embedded) implements AutoCloseable {

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }

    @Override
    public String toString() {
        return "DatabaseLocation[url=" + url + ", user=" + user + "]";
    }
}
