package io.beseda.bot.demo;

import java.util.Map;
import java.util.UUID;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.bot.BotSettings;
import io.beseda.bot.KnowledgeBase;
import io.beseda.bot.nlu.IntentModels;
import io.beseda.workspace.Workspaces;

/**
 * The first time «Демо-магазин» starts, its bot is switched on (so the demo shop's widget talks to it) and
 * gets its delivery and payment terms and a small knowledge base: the questions a clothes and electronics shop
 * hears that no intent covers.
 */
@Component
@Order(5)
class DemoBot implements ApplicationRunner {

    static final Map<String, String> KNOWLEDGE = Map.of(
            "Можно ли примерить одежду перед оплатой?",
            "Да: курьер ждёт 15 минут, пока вы примеряете, а оплачиваете только то, что подошло. В магазинах есть примерочные.",
            "Есть ли подарочная упаковка?",
            "Да, подарочную упаковку можно выбрать при оформлении заказа — 150 ₽, в магазинах упакуем бесплатно.",
            "Продаёте ли вы подарочные сертификаты?",
            "Да, электронные сертификаты на 1 000–30 000 ₽ продаются на сайте, пластиковые — в магазинах. Срок действия — год.",
            "Как ухаживать за пуховиком, можно ли его стирать?",
            "Пуховик можно стирать в машине при 30 °C в деликатном режиме с 2–3 теннисными мячиками, сушить в расправленном виде.",
            "Работаете ли вы с юридическими лицами, можно ли оплатить по счёту?",
            "Да, для компаний выставляем счёт и отгружаем с закрывающими документами. Напишите реквизиты — оператор оформит.",
            "Есть ли гарантия на электронику?",
            "На смартфоны и наушники — гарантия производителя 12 месяцев; чек и гарантийный талон приходят вместе с заказом.");

    /** The demo shop's own terms, in place of the shipped general texts. */
    static final Map<String, String> TEXTS = Map.of(
            "delivery", """
                    Доставляем курьером по Москве, Санкт-Петербургу и Екатеринбургу за 1–2 дня, в другие города — \
                    службами доставки за 2–7 дней. Бесплатно от 5 000 ₽, иначе от 299 ₽. Есть самовывоз из наших магазинов \
                    и пунктов выдачи.""",
            "payment", """
                    Оплатить можно картой или через СБП на сайте, картой или наличными курьеру и в магазине, \
                    а также частями (Сплит, Долями). Бонусами можно оплатить до 30% покупки.""");

    private final Workspaces workspaces;
    private final BotSettings settings;
    private final KnowledgeBase knowledge;
    private final JdbcClient jdbc;

    DemoBot(Workspaces workspaces, BotSettings settings, KnowledgeBase knowledge, JdbcClient jdbc) {
        this.workspaces = workspaces;
        this.settings = settings;
        this.knowledge = knowledge;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        workspaces.findBySlug("demo").filter(demo -> jdbc.sql("select not exists (select 1 from bot_settings where workspace_id = ?)")
                .param(demo.id().value()).query(Boolean.class).single()).ifPresent(demo -> {
                    settings.save(demo.id(), true, IntentModels.DEFAULT_THRESHOLD, TEXTS);
                    KNOWLEDGE.forEach((question, answer) -> knowledge.save(demo.id(), UUID.randomUUID(), question, answer));
                });
    }
}
