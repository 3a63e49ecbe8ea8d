package io.beseda.channel.whatsapp;

import java.net.URI;
import java.time.Duration;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

import io.beseda.channel.Attachments;
import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelConnector;
import io.beseda.channel.ChannelConnectorFactory;
import io.beseda.channel.ConnectionCheck;
import io.beseda.channel.SendResult;
import io.beseda.channel.SentParts;
import io.beseda.consent.Channel;
import io.beseda.customer.Customers;

/**
 * The WhatsApp Business Cloud API provider ({@value #PROVIDER}): one account is one business phone number. It
 * also checks the credentials against Meta and points the number's webhooks at Beseda.
 */
@Component
class WhatsAppConnectorFactory implements ChannelConnectorFactory, ConnectionCheck {

    static final String PROVIDER = "whatsapp";

    private final GraphApis apis;
    private final Attachments attachments;
    private final Customers customers;
    private final SentParts progress;
    private final TemplateSync templates;

    WhatsAppConnectorFactory(GraphApis apis, Attachments attachments, Customers customers, SentParts progress,
                             TemplateSync templates) {
        this.apis = apis;
        this.attachments = attachments;
        this.customers = customers;
        this.progress = progress;
        this.templates = templates;
    }

    @Override
    public Channel channel() {
        return Channel.WHATSAPP;
    }

    /** The Cloud API's default throughput for a business number: 80 messages a second. */
    @Override
    public int defaultRatePerSecond() {
        return 80;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public Class<? extends Record> settingsType() {
        return WhatsAppSettings.class;
    }

    @Override
    public ChannelConnector create(ChannelAccount account) {
        if (account.channel() != Channel.WHATSAPP) {
            return delivery -> new SendResult.Permanent("A WhatsApp Cloud API account must be in the WhatsApp channel, not "
                    + account.channel());
        }
        return new WhatsAppConnector(api(account), attachments, customers, progress);
    }

    /** WhatsApp paces one customer's messages at about one every 6 seconds (short bursts aside). */
    @Override
    public Duration perChatInterval() {
        return SendFailures.PAIR_PACE;
    }

    private GraphApi api(ChannelAccount account) {
        return apis.of(account);
    }

    @Override
    public Result test(ChannelAccount account) {
        try {
            var number = api(account).phoneNumber();
            if (!number.ok()) {
                return Result.failed("Meta не узнала номер с этим токеном: " + number.error()
                        + ". Проверьте идентификатор номера и постоянный токен доступа.");
            }
            var synced = templates.sync(account);
            var who = number.body().path("display_phone_number").asString("?") + " («"
                    + number.body().path("verified_name").asString("без имени") + "»)";
            if (synced.failure() != null) {
                return Result.failed("Номер " + who + " на связи, но шаблоны аккаунта WhatsApp Business не читаются: "
                        + synced.failure() + ". Проверьте идентификатор аккаунта и право whatsapp_business_management у токена.");
            }
            return Result.ok("Номер " + who + " подключён, рейтинг качества: " + number.body().path("quality_rating").asString("—")
                    + ". Одобренных шаблонов: " + synced.approved() + ".");
        } catch (RestClientException e) {
            return Result.failed("Не удалось связаться с Meta: " + e.getMessage());
        }
    }

    @Override
    public Result registerWebhook(ChannelAccount account, URI webhook) {
        var manual = " Вставьте вручную в Meta App Dashboard → WhatsApp → Configuration: Callback URL " + webhook
                + ", Verify token — тот же, что в настройках Беседы; подпишитесь на поле messages.";
        try {
            var api = api(account);
            var subscribed = api.subscribeApp();
            if (!subscribed.ok()) {
                return Result.failed("Meta не подписала приложение на аккаунт WhatsApp Business: " + subscribed.error() + "." + manual);
            }
            var override = api.overrideCallback(webhook.toString());
            if (!override.ok()) {
                return Result.failed("Meta не приняла адрес вебхука для номера: " + override.error()
                        + " (адрес должен открываться из интернета по https и отвечать на проверку)." + manual);
            }
            return Result.ok("Meta будет присылать сообщения и статусы этого номера на " + webhook + ".");
        } catch (RestClientException e) {
            return Result.failed("Не удалось связаться с Meta: " + e.getMessage() + "." + manual);
        }
    }
}
