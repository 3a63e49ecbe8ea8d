package io.beseda.channel;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where providers reach Beseda: {@code beseda.public-url} (BESEDA_PUBLIC_URL; an https address the provider can
 * reach, e.g. https://chat.shop.ru) plus {@code /webhooks/<provider>/<account id>}.
 */
@Component
public class WebhookUrls {

    private final String base;

    WebhookUrls(@Value("${beseda.public-url:http://localhost:8080}") String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public URI forAccount(ChannelAccount account) {
        return URI.create(base + "/webhooks/" + account.provider() + "/" + account.id());
    }

    public String base() {
        return base;
    }
}
