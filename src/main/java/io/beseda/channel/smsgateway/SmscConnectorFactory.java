package io.beseda.channel.smsgateway;

import java.net.URI;
import java.time.Clock;

import org.springframework.stereotype.Component;

import io.beseda.channel.Attachments;
import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.ChannelConnector;
import io.beseda.channel.ChannelConnectorFactory;
import io.beseda.channel.ConnectionCheck;
import io.beseda.channel.SentParts;
import io.beseda.channel.WebhookUrls;
import io.beseda.consent.Channel;
import io.beseda.customer.Customers;

/**
 * SMS through SMSC.ru's HTTP API: one connector per SMSC.ru account (API key and sender names); the check asks for
 * the balance; SMSC.ru has no call to set the callback address, so registering says what to paste in its cabinet.
 */
@Component
class SmscConnectorFactory implements ChannelConnectorFactory, ConnectionCheck {

    static final String PROVIDER = "smsc";

    private final ChannelAccounts accounts;
    private final SmscApi api;
    private final SmsSends sends;
    private final SentParts sentParts;
    private final Attachments attachments;
    private final WebhookUrls urls;
    private final Customers customers;
    private final Clock clock;

    SmscConnectorFactory(ChannelAccounts accounts, SmscApi api, SmsSends sends, SentParts sentParts, Attachments attachments, WebhookUrls urls,
                         Customers customers, Clock clock) {
        this.accounts = accounts;
        this.api = api;
        this.sends = sends;
        this.sentParts = sentParts;
        this.attachments = attachments;
        this.urls = urls;
        this.customers = customers;
        this.clock = clock;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    /** SMSC.ru refuses more than a few requests at once from one login (its error 9); ten a second stays clear of it. */
    @Override
    public int defaultRatePerSecond() {
        return 10;
    }

    @Override
    public Class<? extends Record> settingsType() {
        return SmscSettings.class;
    }

    @Override
    public ChannelConnector create(ChannelAccount account) {
        return new SmscConnector(accounts.settings(account, SmscSettings.class), api, sends, sentParts, attachments, urls, customers, clock);
    }

    @Override
    public Result test(ChannelAccount account) {
        var settings = accounts.settings(account, SmscSettings.class);
        return switch (api.balance(settings.apiKey())) {
            case SmscApi.Reply.Ok ok -> Result.ok("Подключено к SMSC.ru: на счёте " + ok.body().path("balance").asString("?") + " "
                    + ok.body().path("currency").asString("RUR") + ".");
            case SmscApi.Reply.Failed failed -> Result.failed(failed.code() == SmscApi.BAD_CREDENTIALS
                    ? "SMSC.ru не принял API-ключ: проверьте его в личном кабинете (Настройки → API-ключ) и список разрешённых IP"
                    : "SMSC.ru ответил ошибкой: " + failed.message() + " (" + failed.code() + ")");
            case SmscApi.Reply.Unavailable unavailable -> Result.failed("SMSC.ru недоступен: " + unavailable.reason());
        };
    }

    @Override
    public Result registerWebhook(ChannelAccount account, URI webhook) {
        var settings = accounts.settings(account, SmscSettings.class);
        return Result.ok("У SMSC.ru нет вызова API для адреса обработчика — вставьте его сами: личный кабинет SMSC.ru → "
                + "Настройки пользователя → адрес (URL) обработчика статусов и входящих сообщений: " + callbackUrl(webhook, settings)
                + " . По нему приходят статусы доставки и входящие SMS (если подключён номер для приёма). "
                + "Адрес содержит секрет: не публикуйте его.");
    }

    /** The handler address for SMSC.ru's cabinet: Beseda's webhook with the secret and the encoding Beseda reads. */
    static String callbackUrl(URI webhook, SmscSettings settings) {
        return webhook + "?token=" + settings.callbackToken() + "&charset=utf-8";
    }
}
