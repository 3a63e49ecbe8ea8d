package io.beseda.bot.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.beseda.bot.BotSettings;
import io.beseda.bot.BotTexts;

/**
 * One thing the bot says, as the shop sees it: what the bot says now, whether the shop rewrote it, the shipped
 * text, and the {placeholders} the bot fills in.
 */
record BotText(String text, boolean rewritten, String shipped, List<String> placeholders) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-z_]+}");

    /** Every text, in the order {@link BotTexts#DEFAULTS} lists them. */
    static Map<String, BotText> all(BotSettings.Settings settings) {
        var all = new LinkedHashMap<String, BotText>();
        BotTexts.DEFAULTS.forEach((key, shipped) -> all.put(key, new BotText(settings.text(key), settings.texts().containsKey(key),
                shipped, PLACEHOLDER.matcher(shipped).results().map(m -> m.group()).distinct().toList())));
        return all;
    }
}
