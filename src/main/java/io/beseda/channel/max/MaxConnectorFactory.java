package io.beseda.channel.max;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;

import org.springframework.stereotype.Component;

import io.beseda.channel.Attachments;
import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.ChannelConnector;
import io.beseda.channel.ChannelConnectorFactory;
import io.beseda.channel.ConnectionCheck;
import io.beseda.customer.Customers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MAX provider: a bot of the shop's, with the token from business.max.ru. Checks the token with
 * {@code GET /me} and registers Beseda's webhook with {@code POST /subscriptions}, making the webhook secret
 * when the admin left it empty. MAX sets no per-chat pace, only about 30 requests a second per bot, which the
 * account's rate covers (a message with a photo is two or three calls).
 */
@Component
class MaxConnectorFactory implements ChannelConnectorFactory, ConnectionCheck {

    static final String PROVIDER = "max";

    /** What Beseda asks MAX to deliver: customers' messages, their button presses, and their opening the bot. */
    static final List<String> UPDATE_TYPES = List.of("message_created", "message_callback", "bot_started");

    private final MaxProperties properties;
    private final ChannelAccounts accounts;
    private final Attachments attachments;
    private final Customers customers;
    private final JsonMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    MaxConnectorFactory(MaxProperties properties, ChannelAccounts accounts, Attachments attachments, Customers customers,
                        JsonMapper json, Clock clock) {
        this.properties = properties;
        this.accounts = accounts;
        this.attachments = attachments;
        this.customers = customers;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public io.beseda.consent.Channel channel() {
        return io.beseda.consent.Channel.MAX;
    }

    /** MAX allows about 30 requests a second per bot; a message may take three (text, upload, attach). */
    @Override
    public int defaultRatePerSecond() {
        return 10;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public Class<? extends Record> settingsType() {
        return MaxSettings.class;
    }

    @Override
    public ChannelConnector create(ChannelAccount account) {
        return new MaxConnector(api(account), attachments, customers, json, clock);
    }

    /** The Bot API as this account's bot. */
    MaxApi api(ChannelAccount account) {
        return new MaxApi(properties.baseUrl(), settings(account).accessToken(), properties.timeout(), json);
    }

    MaxSettings settings(ChannelAccount account) {
        return accounts.settings(account, MaxSettings.class);
    }

    @Override
    public Result test(ChannelAccount account) {
        try {
            var bot = api(account).me();
            return Result.ok("Бот «" + bot.name() + "»" + (bot.username() == null ? "" : " (@" + bot.username() + ")")
                    + " на связи с MAX");
        } catch (MaxCallFailed e) {
            return Result.failed(e.status() == 401 || e.status() == 403
                    ? "MAX не принял токен бота (" + e.getMessage() + "). Скопируйте токен заново: business.max.ru → Чат-боты → ⋮ → Настройки"
                    : "MAX не ответил как следует: " + e.getMessage());
        }
    }

    @Override
    public Result registerWebhook(ChannelAccount account, URI webhook) {
        if (!"https".equalsIgnoreCase(webhook.getScheme()) || webhook.getPort() != -1 && webhook.getPort() != 443) {
            return Result.failed("MAX доставляет события только на https-адрес на порту 443 с сертификатом доверенного центра, а адрес "
                    + "Beseda сейчас " + webhook + ". Задайте публичный адрес (BESEDA_PUBLIC_URL), например https://chat.shop.ru");
        }
        var secret = settings(account).webhookSecret();
        if (secret == null || secret.isEmpty()) {
            secret = newSecret();
            var settings = new HashMap<>(account.settings());
            settings.put("webhookSecret", secret);
            accounts.updateSettings(account.workspaceId(), account.id(), settings);
        }
        try {
            var refusal = api(account).subscribe(webhook, secret, UPDATE_TYPES);
            return refusal == null
                    ? Result.ok("Вебхук зарегистрирован в MAX: " + webhook + ". MAX будет присылать сообщения клиентов, нажатия кнопок и запуск бота")
                    : Result.failed("MAX не зарегистрировал вебхук: " + refusal);
        } catch (MaxCallFailed e) {
            return Result.failed("MAX не зарегистрировал вебхук: " + e.getMessage());
        }
    }

    /** 43 characters of {@code A-Z a-z 0-9 _ -}: what MAX allows in a secret, and 256 bits of chance. */
    private String newSecret() {
        var bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
