package io.beseda.channel.smpp;

import java.io.IOException;
import java.net.URI;

import org.jsmpp.bean.BindType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.springframework.stereotype.Component;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.ChannelConnector;
import io.beseda.channel.ChannelConnectorFactory;
import io.beseda.channel.ConnectionCheck;
import io.beseda.channel.WebhookUrls;
import io.beseda.consent.Channel;

/** SMS through an SMS centre over SMPP 3.4, one bound transceiver session per account. */
@Component
class SmppConnectorFactory implements ChannelConnectorFactory, ConnectionCheck {

    static final String PROVIDER = "smpp";

    private final SmppLinks links;
    private final SmppReceipts parts;
    private final SmppProperties properties;
    private final ChannelAccounts accounts;
    private final WebhookUrls urls;

    SmppConnectorFactory(SmppLinks links, SmppReceipts parts, SmppProperties properties, ChannelAccounts accounts, WebhookUrls urls) {
        this.links = links;
        this.parts = parts;
        this.properties = properties;
        this.accounts = accounts;
        this.urls = urls;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    /** Messages (not parts) a second; the session's own limit counts parts ({@link SmppSettings#tps()}). */
    @Override
    public int defaultRatePerSecond() {
        return 10;
    }

    @Override
    public Class<? extends Record> settingsType() {
        return SmppSettings.class;
    }

    @Override
    public ChannelConnector create(ChannelAccount account) {
        return new SmppConnector(account, links.link(account), parts, properties, urls.base());
    }

    /** Binds a separate session with the account's credentials and unbinds it again: the SMS centre's answer says enough. */
    @Override
    public Result test(ChannelAccount account) {
        var settings = accounts.settings(account, SmppSettings.class);
        var session = new SMPPSession();
        try {
            var smsc = session.connectAndBind(settings.host(), settings.port(), new BindParameter(BindType.BIND_TRX,
                    settings.systemId(), settings.password(), settings.systemType() == null ? "" : settings.systemType(),
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), properties.bindTimeout().toMillis());
            return Result.ok("SMS-центр " + settings.host() + ":" + settings.port() + " принял вход как «" + settings.systemId()
                    + "» (bind_transceiver; центр назвался «" + smsc + "»).");
        } catch (IOException e) {
            return Result.failed("SMS-центр " + settings.host() + ":" + settings.port() + " не принял вход: " + e.getMessage()
                    + ". Проверьте адрес, порт, логин, пароль и что IP-адрес сервера Beseda разрешён у агрегатора.");
        } finally {
            session.unbindAndClose();
        }
    }

    @Override
    public Result registerWebhook(ChannelAccount account, URI webhook) {
        return Result.ok("Для SMPP вебхук не нужен: Beseda сама держит сессию bind_transceiver с SMS-центром, и по ней "
                + "приходят SMS покупателей и отчёты о доставке. Попросите агрегатора разрешить вход с IP-адреса сервера "
                + "Beseda и направлять входящие SMS на ваш номер или имя в эту учётную запись.");
    }
}
