package io.beseda.customer.segment.rule;

import java.util.Arrays;
import java.util.Optional;

/**
 * The three shopper types retail marketers work with, decided over the last {@value #WINDOW_DAYS} days of
 * the customer's storefront events and orders (cancelled orders do not count). The types never overlap;
 * a customer who fits none (say, one look at one product) has no type.
 *
 * <ul>
 * <li><b>decided</b> («решительный покупатель») — placed at least one order in the window and looked at
 *     no more than {@value #DECIDED_PRODUCTS_PER_ORDER} different products per order placed: they come
 *     for something and buy it.</li>
 * <li><b>browser</b> («просматривающий») — placed no order in the window, looked at
 *     {@value #BROWSER_MIN_PRODUCTS} or more different products, and showed no intent to buy (none of the
 *     hesitant signals below).</li>
 * <li><b>hesitant</b> («сомневающийся») — placed no order in the window but showed intent: started a
 *     checkout, or has a cart with something in it (items or a total above zero) that changed in the
 *     window, or looked at the same product {@value #HESITANT_REPEAT_VIEWS} or more times.</li>
 * </ul>
 */
public enum ShopperType {
    DECIDED("decided"), BROWSER("browser"), HESITANT("hesitant");

    public static final int WINDOW_DAYS = 30;
    public static final int DECIDED_PRODUCTS_PER_ORDER = 5;
    public static final int BROWSER_MIN_PRODUCTS = 5;
    public static final int HESITANT_REPEAT_VIEWS = 3;

    private final String json;

    ShopperType(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    static Optional<ShopperType> ofJson(String name) {
        return Arrays.stream(values()).filter(t -> t.json.equals(name)).findFirst();
    }
}
