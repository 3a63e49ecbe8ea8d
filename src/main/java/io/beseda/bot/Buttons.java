package io.beseda.bot;

import java.util.List;

import io.beseda.channel.QuickReply;

/** The buttons under the bot's messages; a pressed one comes back as {@code bot:<intent id>}. */
final class Buttons {

    static final String PREFIX = "bot:";
    static final String REPHRASE = PREFIX + "rephrase";

    static final List<QuickReply> MAIN = List.of(
            intent("Где мой заказ", Intent.ORDER_STATUS), intent("Доставка", Intent.DELIVERY), intent("Оплата", Intent.PAYMENT),
            intent("Возврат и обмен", Intent.RETURNS), intent("Магазины", Intent.STORE_LOCATOR), intent("Акции", Intent.PROMOTIONS),
            intent("Бонусная карта", Intent.LOYALTY_CARD), intent("Подобрать товар", Intent.PRODUCT_SEARCH),
            intent("Оператор", Intent.OPERATOR));

    static final List<QuickReply> OPERATOR = List.of(intent("Позвать оператора", Intent.OPERATOR));

    static final List<QuickReply> OFFER_OPERATOR = List.of(intent("Позвать оператора", Intent.OPERATOR),
            new QuickReply("Спрошу по-другому", REPHRASE));

    private Buttons() {
    }

    private static QuickReply intent(String title, Intent intent) {
        return new QuickReply(title, PREFIX + intent.id());
    }
}
