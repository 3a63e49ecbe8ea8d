package io.beseda.channel.webchat;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Keeps what the handshake said for the connection: the token, the page's origin, the visitor's language,
 * address and browser. Every handshake is accepted; an unknown token or a foreign site then gets an error
 * frame saying so before the close, which a browser's WebSocket could not read from a refused handshake.
 */
final class WidgetHandshake implements HandshakeInterceptor {

    static final String TOKEN = "webchat.token";
    static final String ORIGIN = "webchat.origin";
    static final String LANGUAGE = "webchat.language";
    static final String IP = "webchat.ip";
    static final String DEVICE = "webchat.device";

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        var token = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams().getFirst("token");
        put(attributes, TOKEN, token == null ? "" : token);
        var headers = request.getHeaders();
        put(attributes, ORIGIN, headers.getOrigin());
        put(attributes, LANGUAGE, headers.getFirst(HttpHeaders.ACCEPT_LANGUAGE));
        put(attributes, DEVICE, clip(headers.getFirst(HttpHeaders.USER_AGENT)));
        var remote = request.getRemoteAddress();
        put(attributes, IP, remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress());
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               @Nullable Exception exception) {
        // nothing to do once the connection is up
    }

    private static void put(Map<String, Object> attributes, String key, @Nullable String value) {
        if (value != null) {
            attributes.put(key, value);
        }
    }

    private static @Nullable String clip(@Nullable String value) {
        return value == null || value.length() <= 300 ? value : value.substring(0, 300);
    }
}
