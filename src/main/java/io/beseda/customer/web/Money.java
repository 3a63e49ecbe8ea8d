package io.beseda.customer.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Amounts as Russian shops write them, whatever the console's language: «4 590 ₽», «1 299,50 ₽». */
final class Money {

    private static final char NBSP = '\u00A0';

    private Money() {
    }

    static String format(BigDecimal amount, String currency) {
        var symbols = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("ru-RU"));
        symbols.setGroupingSeparator(NBSP);
        symbols.setDecimalSeparator(',');
        var whole = amount.stripTrailingZeros().scale() <= 0;
        var text = new DecimalFormat(whole ? "#,##0" : "#,##0.00", symbols).format(amount);
        return text + NBSP + ("RUB".equals(currency) ? "₽" : currency);
    }
}
