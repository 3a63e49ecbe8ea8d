package io.beseda.customer.segment;

/**
 * The segments every workspace has from the start. Their names are the Russian ones (the console shows
 * them in the reader's language by {@link #key}); their rules cannot be edited, and a rule change here
 * reaches existing workspaces only through a migration.
 */
enum BuiltInSegment {
    DECIDED("decided", "Решительные покупатели", """
            {"shopper": "decided"}"""),
    BROWSERS("browsers", "Просматривающие", """
            {"shopper": "browser"}"""),
    HESITANT("hesitant", "Сомневающиеся", """
            {"shopper": "hesitant"}"""),
    RFM_CHAMPIONS("rfm-champions", "Чемпионы (RFM)", """
            {"rfm": {"r": [4, 5], "f": [4, 5], "m": [4, 5]}}"""),
    RFM_LEAVING("rfm-leaving", "Уходящие (RFM)", """
            {"rfm": {"r": [1, 2], "f": [2, 5]}}"""),
    ABANDONED_CART("abandoned-cart", "Брошенная корзина", """
            {"abandonedCart": {"hours": 1}}""");

    private final String key;
    private final String name;
    private final String rule;

    BuiltInSegment(String key, String name, String rule) {
        this.key = key;
        this.name = name;
        this.rule = rule;
    }

    String key() {
        return key;
    }

    String displayName() {
        return name;
    }

    String rule() {
        return rule;
    }
}
