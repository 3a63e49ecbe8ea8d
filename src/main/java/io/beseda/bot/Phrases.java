package io.beseda.bot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;

/** Filling a bot text's {placeholders}, and money as Russians write it («1 990 ₽»). */
final class Phrases {

    private Phrases() {
    }

    static String fill(String text, Map<String, String> values) {
        var result = text;
        for (var value : values.entrySet()) {
            result = result.replace("{" + value.getKey() + "}", value.getValue());
        }
        return result;
    }

    static String money(BigDecimal amount) {
        var symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator('\u00a0');
        var format = new DecimalFormat("#,##0", symbols);
        return format.format(amount.setScale(0, RoundingMode.HALF_UP)) + "\u00a0₽";
    }

    static String clip(String text, int max) {
        var flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= max ? flat : flat.substring(0, max) + "…";
    }
}
