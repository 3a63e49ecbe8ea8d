package io.beseda.bot;

import java.util.EnumMap;
import java.util.Map;

/** Intents as the shop's people call them. */
public final class IntentNames {

    public static final Map<Intent, String> RU = names();

    private IntentNames() {
    }

    private static Map<Intent, String> names() {
        var names = new EnumMap<Intent, String>(Intent.class);
        names.put(Intent.ORDER_STATUS, "статус заказа");
        names.put(Intent.DELIVERY, "условия доставки");
        names.put(Intent.PAYMENT, "способы оплаты");
        names.put(Intent.RETURNS, "возврат и обмен");
        names.put(Intent.STORE_LOCATOR, "ближайший магазин");
        names.put(Intent.PROMOTIONS, "акции");
        names.put(Intent.LOYALTY_CARD, "бонусная карта");
        names.put(Intent.OPENING_HOURS, "часы работы");
        names.put(Intent.SIZE_ADVICE, "подбор размера");
        names.put(Intent.PRODUCT_SEARCH, "подбор товара");
        names.put(Intent.OPERATOR, "оператор");
        names.put(Intent.GREETING, "приветствие");
        names.put(Intent.THANKS, "благодарность");
        names.put(Intent.GOODBYE, "прощание");
        return java.util.Collections.unmodifiableMap(names);
    }
}
