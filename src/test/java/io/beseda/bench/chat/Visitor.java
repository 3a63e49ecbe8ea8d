package io.beseda.bench.chat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * One simulated visitor: a WebSocket to {@code /widget/ws} speaking the widget's frames. It says hello,
 * waits for {@code ready}, then sends what the driver tells it; replies from the shop ({@code message}
 * frames with direction {@code out}) are handed to the driver with their arrival time.
 */
final class Visitor implements WebSocket.Listener {

    final String id;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final BiConsumer<String, Long> onReply;
    private final StringBuilder partial = new StringBuilder();
    private final AtomicInteger sequence = new AtomicInteger();
    private WebSocket socket;

    Visitor(String id, BiConsumer<String, Long> onReply) {
        this.id = id;
        this.onReply = onReply;
    }

    CompletableFuture<Void> connect(HttpClient http, URI uri) {
        return http.newWebSocketBuilder().buildAsync(uri, this).thenCompose(ws -> {
            socket = ws;
            return ws.sendText("{\"type\":\"hello\",\"visitorId\":\"" + id + "\"}", true);
        }).thenCompose(ws -> ready);
    }

    /** Sends a message; answers its client id. Frames are sent one at a time per socket. */
    synchronized String send(String text) {
        var clientId = id + "-" + sequence.incrementAndGet();
        socket.sendText("{\"type\":\"message\",\"clientId\":\"" + clientId + "\",\"text\":\"" + text + "\"}", true).join();
        return clientId;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            var frame = partial.toString();
            partial.setLength(0);
            long now = System.nanoTime();
            if (frame.startsWith("{\"type\":\"ready\"")) {
                ready.complete(null);
            } else if (frame.startsWith("{\"type\":\"message\"") && frame.contains("\"direction\":\"out\"")) {
                var at = frame.indexOf("\"text\":\"");
                if (at >= 0) {
                    onReply.accept(frame.substring(at + 8, frame.indexOf('"', at + 8)), now);
                }
            } else if (frame.startsWith("{\"type\":\"error\"")) {
                System.err.println("visitor " + id + ": " + frame);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        ready.completeExceptionally(error);
    }

    void close() {
        if (socket != null) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }
}
