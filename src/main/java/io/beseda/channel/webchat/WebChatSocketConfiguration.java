package io.beseda.channel.webchat;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * The widget's WebSocket at {@code /widget/ws?token=…}. Any site may open it at the protocol level: which
 * sites an account allows is the account's setting, checked by the handler with an error frame. Frames are
 * bounded by the container (a larger one closes the connection with 1009); the handler refuses smaller
 * but still oversized frames with an error frame.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableWebSocket
class WebChatSocketConfiguration implements WebSocketConfigurer {

    /** The largest frame the container reads at all, in characters. */
    static final int CONTAINER_LIMIT = 64 * 1024;

    private final WebChatSocketHandler handler;

    WebChatSocketConfiguration(WebChatSocketHandler handler) {
        this.handler = handler;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, "/widget/ws").addInterceptors(new WidgetHandshake()).setAllowedOriginPatterns("*");
    }

    @Bean
    ServletServerContainerFactoryBean webSocketContainer() {
        var container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(CONTAINER_LIMIT);
        container.setMaxBinaryMessageBufferSize(1024);
        // The widget pings every 25 seconds; a socket silent for two minutes is gone.
        container.setMaxSessionIdleTimeout(120_000L);
        container.setAsyncSendTimeout(10_000L);
        return container;
    }
}
