package io.beseda.channel.telegram;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;

import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import io.beseda.channel.Attachments;
import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.ChannelConnector;
import io.beseda.channel.ChannelConnectorFactory;
import io.beseda.channel.ConnectionCheck;
import io.beseda.channel.SendResult;
import io.beseda.channel.SentParts;
import io.beseda.customer.Customers;

/**
 * Telegram bots: a connector per bot token, the «Проверить подключение» check ({@code getMe}) and the webhook
 * registration ({@code setWebhook} with the account's secret token, which Telegram then sends with every update).
 * Telegram lets a bot write to one chat about once a second and to everyone about 30 times a second.
 */
@Component
class TelegramConnectorFactory implements ChannelConnectorFactory, ConnectionCheck {

    static final String PROVIDER = "telegram";

    /**
     * What Beseda asks Telegram to deliver: messages and button presses. Edited messages are not asked for: a
     * conversation keeps what was said, and the bot would take an edit for a new question.
     */
    static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query");

    private final TelegramApi api;
    private final ChannelAccounts accounts;
    private final Attachments attachments;
    private final Customers customers;
    private final CallbackData callbacks;
    private final SentParts sentParts;
    private final SecureRandom random = new SecureRandom();

    TelegramConnectorFactory(TelegramApi api, ChannelAccounts accounts, Attachments attachments, Customers customers,
                             CallbackData callbacks, SentParts sentParts) {
        this.api = api;
        this.accounts = accounts;
        this.attachments = attachments;
        this.customers = customers;
        this.callbacks = callbacks;
        this.sentParts = sentParts;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public Class<? extends Record> settingsType() {
        return TelegramSettings.class;
    }

    @Override
    public io.beseda.consent.Channel channel() {
        return io.beseda.consent.Channel.TELEGRAM;
    }

    /** About 30 messages a second per bot, as Telegram's FAQ puts it. */
    @Override
    public int defaultRatePerSecond() {
        return 30;
    }

    @Override
    public Duration perChatInterval() {
        return Duration.ofSeconds(1);
    }

    @Override
    public ChannelConnector create(ChannelAccount account) {
        var settings = accounts.settings(account, TelegramSettings.class);
        return new TelegramConnector(api.client(settings.botToken()), attachments, customers, callbacks, sentParts);
    }

    @Override
    public Result test(ChannelAccount account) {
        var settings = accounts.settings(account, TelegramSettings.class);
        try {
            var bot = api.client(settings.botToken()).execute(new GetMe());
            return Result.ok("Бот @" + bot.getUserName() + " («" + bot.getFirstName() + "») на связи");
        } catch (TelegramApiException e) {
            return Result.failed(failure("Telegram не подтвердил бота", e));
        }
    }

    @Override
    public Result registerWebhook(ChannelAccount account, URI webhook) {
        if (!"https".equalsIgnoreCase(webhook.getScheme())) {
            return Result.failed("Telegram доставляет сообщения только на https-адрес, а адрес Беседы — " + webhook
                    + ". Задайте BESEDA_PUBLIC_URL: https-адрес, по которому Беседу видно из интернета.");
        }
        var settings = accounts.settings(account, TelegramSettings.class);
        var secret = settings.webhookSecret();
        if (!settings.hasWebhookSecret()) {
            var generated = new byte[32];
            random.nextBytes(generated);
            secret = Base64.getUrlEncoder().withoutPadding().encodeToString(generated);
            var updated = new HashMap<>(account.settings());
            updated.put("webhookSecret", secret);
            accounts.updateSettings(account.workspaceId(), account.id(), updated);
        }
        try {
            api.client(settings.botToken()).execute(SetWebhook.builder().url(webhook.toString()).secretToken(secret)
                    .allowedUpdates(ALLOWED_UPDATES).build());
            return Result.ok("Telegram будет присылать сообщения бота на " + webhook);
        } catch (TelegramApiException e) {
            return Result.failed(failure("Telegram не принял адрес вебхука", e));
        }
    }

    private static String failure(String what, TelegramApiException e) {
        return switch (TelegramErrors.of(e)) {
            case SendResult.Permanent permanent when permanent.reason().startsWith("Telegram 401") ->
                    what + ": токен не подходит (проверьте его у @BotFather, команда /token).";
            case SendResult.Permanent permanent -> what + ": " + permanent.reason();
            case SendResult.Transient failure -> what + ": " + failure.reason() + ". Попробуйте ещё раз чуть позже.";
            case SendResult.Sent sent -> what;
        };
    }
}
