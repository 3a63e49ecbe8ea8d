package io.beseda.conversation.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Amounts as Russian shops write them, «4 590 ₽», whatever the console's language (as on the customer pages). */
final class Amounts {

    private static final char NBSP = '\u00A0';

    private Amounts() {
    }

    static String format(BigDecimal amount, String currency) {
        var symbols = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("ru-RU"));
        symbols.setGroupingSeparator(NBSP);
        symbols.setDecimalSeparator(',');
        var whole = amount.stripTrailingZeros().scale() <= 0;
        return new DecimalFormat(whole ? "#,##0" : "#,##0.00", symbols).format(amount) + NBSP + ("RUB".equals(currency) ? "₽" : currency);
    }
}
