package io.beseda.channel.viber;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.beseda.channel.Attachments;
import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.ChannelConnector;
import io.beseda.channel.ChannelConnectorFactory;
import io.beseda.channel.ConnectionCheck;
import io.beseda.channel.WebhookUrls;
import io.beseda.customer.Customers;
import tools.jackson.databind.json.JsonMapper;

/** Viber bots: one connector per bot token; checks the token with get_account_info and registers the webhook with set_webhook. */
@Component
class ViberConnectorFactory implements ChannelConnectorFactory, ConnectionCheck {

    static final String PROVIDER = "viber";

    /** Everything the webhook handles; Viber always sends {@code message}, {@code subscribed} and {@code unsubscribed}. */
    static final List<String> EVENT_TYPES = List.of("delivered", "seen", "failed", "subscribed", "unsubscribed",
            "conversation_started", "message");

    private final ChannelAccounts accounts;
    private final ViberApi api;
    private final ViberSends sends;
    private final Attachments attachments;
    private final WebhookUrls urls;
    private final Customers customers;
    private final JsonMapper json;
    private final Clock clock;

    ViberConnectorFactory(ChannelAccounts accounts, ViberApi api, ViberSends sends, Attachments attachments, WebhookUrls urls,
                          Customers customers, JsonMapper json, Clock clock) {
        this.accounts = accounts;
        this.api = api;
        this.sends = sends;
        this.attachments = attachments;
        this.urls = urls;
        this.customers = customers;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public io.beseda.consent.Channel channel() {
        return io.beseda.consent.Channel.VIBER;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public Class<? extends Record> settingsType() {
        return ViberSettings.class;
    }

    @Override
    public ChannelConnector create(ChannelAccount account) {
        return new ViberConnector(accounts.settings(account, ViberSettings.class), api, sends, attachments, urls, customers,
                json, clock);
    }

    @Override
    public Result test(ChannelAccount account) {
        var settings = accounts.settings(account, ViberSettings.class);
        return switch (api.call(settings.authToken(), "get_account_info", Map.of())) {
            case ViberApi.Reply.Ok ok -> Result.ok("Подключено: бот «" + ok.body().path("name").asString("?") + "»"
                    + (ok.body().path("webhook").asString("").isBlank() ? ", вебхук ещё не зарегистрирован" : ""));
            case ViberApi.Reply.Failed failed -> Result.failed(failed.status() == ViberApi.INVALID_AUTH_TOKEN
                    ? "Viber не принял токен: проверьте его в Viber Admin Panel (partners.viber.com)"
                    : "Viber ответил ошибкой: " + failed.message() + " (" + failed.status() + ")");
            case ViberApi.Reply.Unavailable unavailable -> Result.failed("Viber недоступен: " + unavailable.reason());
        };
    }

    @Override
    public Result registerWebhook(ChannelAccount account, URI webhook) {
        if (!"https".equals(webhook.getScheme())) {
            return Result.failed("Viber принимает только https-адрес вебхука, а сейчас он " + webhook
                    + ". Укажите публичный https-адрес Беседы в BESEDA_PUBLIC_URL и повторите.");
        }
        var settings = accounts.settings(account, ViberSettings.class);
        var body = Map.of("url", webhook.toString(), "event_types", EVENT_TYPES, "send_name", true, "send_photo", false);
        return switch (api.call(settings.authToken(), "set_webhook", body)) {
            case ViberApi.Reply.Ok ok -> Result.ok("Вебхук зарегистрирован: " + webhook);
            case ViberApi.Reply.Failed failed -> Result.failed(failed.status() == ViberApi.INVALID_AUTH_TOKEN
                    ? "Viber не принял токен: проверьте его в Viber Admin Panel (partners.viber.com)"
                    : "Viber не зарегистрировал вебхук: " + failed.message() + " (" + failed.status() + ")."
                    + " Viber проверяет адрес сразу: Беседа должна быть доступна по " + webhook);
            case ViberApi.Reply.Unavailable unavailable -> Result.failed("Viber недоступен: " + unavailable.reason());
        };
    }
}
