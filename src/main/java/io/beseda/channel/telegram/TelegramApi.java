package io.beseda.channel.telegram;

import java.net.URI;

import org.springframework.stereotype.Component;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import okhttp3.OkHttpClient;

/**
 * The Bot API as the library speaks it, at {@link TelegramProperties#baseUrl()}: one client per bot token over one
 * shared connection pool. Telegram's JSON is read with the library's Jackson 2 types, apart from Beseda's Jackson 3.
 */
@Component
class TelegramApi {

    /** Reads updates and writes methods as Telegram spells them; a field Telegram adds later is ignored. */
    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final TelegramProperties properties;
    private final OkHttpClient http;
    private final TelegramUrl url;

    TelegramApi(TelegramProperties properties) {
        this.properties = properties;
        this.http = new OkHttpClient.Builder().connectTimeout(properties.connectTimeout()).callTimeout(properties.callTimeout())
                .readTimeout(properties.callTimeout()).writeTimeout(properties.callTimeout()).build();
        this.url = new TelegramUrl(properties.baseUrl().getScheme(), properties.baseUrl().getHost(), properties.port(), false);
    }

    TelegramClient client(String botToken) {
        return new OkHttpTelegramClient(JSON, http, botToken, url);
    }

    URI fileUrl(String botToken, String filePath) {
        return properties.fileUrl(botToken, filePath);
    }
}
