package io.beseda.channel.push;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.ChannelConnector;
import io.beseda.channel.ChannelConnectorFactory;
import io.beseda.channel.ConnectionCheck;
import io.beseda.consent.Channel;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mobile push through Firebase Cloud Messaging ({@code fcm}), spoken as its documented HTTP v1 REST API:
 * firebase-admin hard-codes FCM's address, so it could not be pointed at a local stand-in, and it would bring
 * Google's whole client stack for one POST (see docs/channels/push.md). FCM's default quota is 600,000 messages a
 * minute per project, far above what one account sends; 429 answers are passed on with their Retry-After.
 */
@Component
class FcmConnectorFactory implements ChannelConnectorFactory, ConnectionCheck {

    static final String PROVIDER = "fcm";

    private final ChannelAccounts accounts;
    private final FcmProperties properties;
    private final FcmAccessTokens tokens;
    private final PushDevices devices;
    private final PushDeliveries deliveries;
    private final RestClient http;
    private final JsonMapper json;

    FcmConnectorFactory(ChannelAccounts accounts, FcmProperties properties, FcmAccessTokens tokens, PushDevices devices,
                        PushDeliveries deliveries, JsonMapper json) {
        this.accounts = accounts;
        this.properties = properties;
        this.tokens = tokens;
        this.devices = devices;
        this.deliveries = deliveries;
        this.http = client(properties.timeout());
        this.json = json;
    }

    static RestClient client(Duration timeout) {
        var requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
        requests.setReadTimeout(timeout);
        return RestClient.builder().requestFactory(requests).build();
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public Channel channel() {
        return Channel.PUSH;
    }

    @Override
    public int defaultRatePerSecond() {
        return 100;
    }

    @Override
    public Class<? extends Record> settingsType() {
        return FcmSettings.class;
    }

    @Override
    public ChannelConnector create(ChannelAccount account) {
        var settings = accounts.settings(account, FcmSettings.class);
        try {
            return new FcmConnector(settings, GoogleServiceAccount.parse(settings.serviceAccountJson(), json), properties, tokens,
                    devices, deliveries, http, json);
        } catch (IllegalArgumentException e) {
            return delivery -> new io.beseda.channel.SendResult.Permanent("FCM settings: " + e.getMessage());
        }
    }

    /** Takes an OAuth access token with the key (Google checks it) and says which project and service account it is. */
    @Override
    public Result test(ChannelAccount account) {
        var settings = accounts.settings(account, FcmSettings.class);
        GoogleServiceAccount key;
        try {
            key = GoogleServiceAccount.parse(settings.serviceAccountJson(), json);
        } catch (IllegalArgumentException e) {
            return Result.failed("Ключ сервисного аккаунта не подходит: " + e.getMessage());
        }
        if (key.projectId() != null && !key.projectId().equals(settings.projectId())) {
            return Result.failed("Ключ выдан для проекта " + key.projectId() + ", а в настройках указан " + settings.projectId());
        }
        try {
            tokens.forget(key);
            tokens.token(key);
            return Result.ok("Google принял ключ сервисного аккаунта " + key.clientEmail() + " для проекта " + settings.projectId()
                    + ". Токены устройств приложение передаёт через API: POST /api/v1/customers/{id}/push-tokens.");
        } catch (FcmAccessTokens.Refused e) {
            return Result.failed("Google не принял ключ: " + e.getMessage());
        } catch (RestClientException e) {
            return Result.failed("Google недоступен: " + e.getMessage());
        }
    }

    @Override
    public Result registerWebhook(ChannelAccount account, URI webhook) {
        return Result.ok("FCM не присылает вебхуков, регистрировать нечего. Приложение регистрирует токен устройства через "
                + "POST /api/v1/customers/{id}/push-tokens, а при нажатии на уведомление открывает ссылку из data.beseda_click_url.");
    }
}
