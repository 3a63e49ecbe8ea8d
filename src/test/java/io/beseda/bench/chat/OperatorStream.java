package io.beseda.bench.chat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * An operator's live stream ({@code /inbox/events}): every customer message that shows up is handed to
 * the driver with the conversation it belongs to and the moment it arrived.
 */
final class OperatorStream {

    private static final Pattern CONVERSATION = Pattern.compile("\"conversation\":\"([0-9a-f-]{36})\"");

    private final ConsoleSession session;
    private final BiConsumer<UUID, Long> onCustomerMessage;
    final CompletableFuture<Void> open = new CompletableFuture<>();

    OperatorStream(ConsoleSession session, BiConsumer<UUID, Long> onCustomerMessage) {
        this.session = session;
        this.onCustomerMessage = onCustomerMessage;
    }

    void start() {
        session.http.sendAsync(HttpRequest.newBuilder(URI.create(session.base + "/inbox/events"))
                        .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    if (response.statusCode() != 200) {
                        open.completeExceptionally(new IllegalStateException("SSE answered " + response.statusCode()));
                        return;
                    }
                    open.complete(null);
                    response.body().forEach(this::line);
                });
    }

    final java.util.concurrent.atomic.AtomicInteger resyncs = new java.util.concurrent.atomic.AtomicInteger();

    private void line(String line) {
        if (line.startsWith("event:") && line.contains("resync")) {
            resyncs.incrementAndGet();
        }
        if (line.startsWith("data:") && line.contains("\"kind\":\"message\"") && line.contains("\"direction\":\"IN\"")) {
            long now = System.nanoTime();
            var m = CONVERSATION.matcher(line);
            if (m.find()) {
                onCustomerMessage.accept(UUID.fromString(m.group(1)), now);
            }
        }
    }
}
