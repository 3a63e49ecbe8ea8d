package io.beseda.channel.webchat;

import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.beseda.channel.ChannelAccounts;
import io.beseda.consent.Channel;
import io.beseda.workspace.Actor;
import io.beseda.workspace.Workspace;
import io.beseda.workspace.Workspaces;

/**
 * Gives «Демо-магазин» a web chat for its demo shop (/demo/shop), with a consent text and messenger
 * links, at every start and whenever the demo shop asks: idempotent. Web-chat replies go through the
 * workspace's first enabled web-chat account, so the sandbox web-chat account the demo got first is
 * switched off; the sandbox phone can still write as a web-chat visitor.
 */
@Component
@Order(4)
class DemoWebChat implements ApplicationRunner {

    static final String DEMO_SLUG = "demo";
    static final String CONSENT = "Я согласен(на) на обработку моих персональных данных ООО «Демо-магазин» для ответа на моё "
            + "обращение в соответствии с политикой конфиденциальности: https://demo.beseda.example/privacy";

    private final Workspaces workspaces;
    private final WebChatAccounts webChats;
    private final ChannelAccounts accounts;

    DemoWebChat(Workspaces workspaces, WebChatAccounts webChats, ChannelAccounts accounts) {
        this.workspaces = workspaces;
        this.webChats = webChats;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        workspaces.findBySlug(DEMO_SLUG).ifPresent(this::ensure);
    }

    /** The demo shop's chat, made the first time it is needed. */
    synchronized WebChatAccount ensure(Workspace demo) {
        var existing = webChats.list(demo.id());
        var chat = existing.isEmpty() ? webChats.create(Actor.system(demo.id(), "demo"), new WebChatForm("Демо-магазин (сайт)",
                "Здравствуйте! Это чат Демо-магазина. Спросите про заказ, доставку или размер — оператор ответит здесь.",
                CONSENT, Map.of(Channel.TELEGRAM, "https://t.me/beseda_demo_bot", Channel.WHATSAPP, "https://wa.me/79000000000",
                        Channel.VIBER, "viber://pa?chatURI=beseda-demo", Channel.VK, "https://vk.me/beseda_demo",
                        Channel.MAX, "https://max.ru/beseda_demo"), null))
                : existing.getFirst();
        accounts.list(demo.id()).stream()
                .filter(a -> a.channel() == Channel.WEBCHAT && !WebChatAccounts.PROVIDER.equals(a.provider()))
                .forEach(a -> accounts.setEnabled(demo.id(), a.id(), false));
        return chat;
    }
}
