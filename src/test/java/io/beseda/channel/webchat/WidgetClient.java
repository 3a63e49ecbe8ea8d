package io.beseda.channel.webchat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;


/** A widget as the server sees it, made with the JDK's WebSocket client: it sends frames and keeps what comes back. */
final class WidgetClient implements WebSocket.Listener, AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<Map<String, Object>> frames = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile @Nullable Integer closeCode;
    private WebSocket socket;

    static WidgetClient connect(int port, String token, @Nullable String origin) {
        var client = new WidgetClient();
        var builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (origin != null) {
            builder.header("Origin", origin);
        }
        client.socket = builder.buildAsync(URI.create("ws://localhost:" + port + "/widget/ws?token=" + token), client).join();
        return client;
    }

    /** Connects and says hello as this visitor; returns once the chat is ready. */
    static WidgetClient hello(int port, String token, String visitorId) {
        var client = connect(port, token, null);
        client.send(Map.of("type", "hello", "visitorId", visitorId));
        client.await("ready");
        return client;
    }

    void send(Map<String, ?> frame) {
        sendRaw(JSON.writeValueAsString(frame));
    }

    void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    /** The first frame of this type that matches, waiting for it. */
    Map<String, Object> await(String type, Predicate<Map<String, Object>> matching) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> frames.stream()
                .filter(f -> type.equals(f.get("type")) && matching.test(f)).findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    Map<String, Object> await(String type) {
        return await(type, f -> true);
    }

    Map<String, Object> error(String code) {
        return await("error", f -> code.equals(f.get("code")));
    }

    List<Map<String, Object>> frames(String type) {
        return frames.stream().filter(f -> type.equals(f.get("type"))).toList();
    }

    int awaitClose() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> closeCode != null);
        return closeCode;
    }

    boolean open() {
        return closeCode == null && !socket.isInputClosed();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(JSON.readValue(partial.toString(), new TypeReference<Map<String, Object>>() {
            }));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode = statusCode;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeCode = -1;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
    }
}
