package io.beseda.channel.push;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.ChannelConnector;
import io.beseda.channel.ChannelConnectorFactory;
import io.beseda.channel.ConnectionCheck;
import io.beseda.channel.WebhookUrls;
import io.beseda.consent.Channel;
import tools.jackson.databind.json.JsonMapper;

/**
 * Web push ({@code webpush}) to the browsers of the shop's visitors. Push services publish no per-subscriber
 * pace; they answer 429 with a Retry-After when Beseda is too fast, which the connector passes on.
 */
@Component
class WebPushConnectorFactory implements ChannelConnectorFactory, ConnectionCheck {

    static final String PROVIDER = "webpush";

    private final ChannelAccounts accounts;
    private final WebPushProperties properties;
    private final VapidKeys keys;
    private final PushSubscriptions subscriptions;
    private final PushDeliveries deliveries;
    private final WebhookUrls urls;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final HttpClient http;

    WebPushConnectorFactory(ChannelAccounts accounts, WebPushProperties properties, VapidKeys keys, PushSubscriptions subscriptions,
                            PushDeliveries deliveries, WebhookUrls urls, JdbcClient jdbc, JsonMapper json) {
        this.accounts = accounts;
        this.properties = properties;
        this.keys = keys;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.urls = urls;
        this.jdbc = jdbc;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
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
        return 50;
    }

    @Override
    public Class<? extends Record> settingsType() {
        return WebPushSettings.class;
    }

    @Override
    public ChannelConnector create(ChannelAccount account) {
        return new WebPushConnector(accounts.settings(account, WebPushSettings.class), properties, keys, subscriptions, deliveries,
                http, json);
    }

    /** Web push has no account to log in to: the check makes (or reads) the workspace's VAPID keys and counts the browsers. */
    @Override
    public Result test(ChannelAccount account) {
        try {
            var key = keys.publicKey(account.workspaceId());
            var browsers = jdbc.sql("select count(*) from push_subscription where workspace_id = ?")
                    .param(account.workspaceId().value()).query(Long.class).single();
            return Result.ok("Ключи VAPID готовы (публичный ключ " + key.substring(0, 12) + "…). Подписанных браузеров: " + browsers
                    + ". Push-сервисы проверяют подпись при каждой отправке.");
        } catch (RuntimeException e) {
            return Result.failed("Ключи VAPID недоступны: " + e.getMessage());
        }
    }

    @Override
    public Result registerWebhook(ChannelAccount account, URI webhook) {
        return Result.ok("Web push не нужен вебхук. На сайте: 1) положите в корень сайта файл /beseda-push-sw.js с одной строкой "
                + "importScripts(\"" + urls.base() + "/static/beseda-push-sw.js\"); 2) вызовите beseda.push.subscribe() "
                + "по нажатию кнопки «Получать уведомления» на странице с трекером Beseda.");
    }
}
