package io.beseda.customer.web;

import java.util.Locale;

/** Which plural form a count takes: Russian has three (1 товар, 3 товара, 5 товаров), English two. */
final class Plural {

    private Plural() {
    }

    /** {@code one}, {@code few} or {@code many}; English uses {@code one} and {@code many}. */
    static String category(long count, Locale locale) {
        var n = Math.abs(count);
        if (!"ru".equals(locale.getLanguage())) {
            return n == 1 ? "one" : "many";
        }
        long lastTwo = n % 100;
        long last = n % 10;
        if (last == 1 && lastTwo != 11) {
            return "one";
        }
        if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) {
            return "few";
        }
        return "many";
    }
}
