package io.beseda.channel.webchat;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** What the widget tells a visitor when something is refused, from the webchat bundle (Russian first). */
@Component
class WidgetTexts {

    private final MessageSource messages;

    WidgetTexts(MessageSource messages) {
        this.messages = messages;
    }

    String error(String code, Locale locale) {
        return messages.getMessage("webchat.widget.error." + code, null,
                messages.getMessage("webchat.widget.error.internal", null, "Error", locale), locale);
    }

    String link(String channel, Locale locale) {
        return messages.getMessage("webchat.widget.link." + channel, null, channel, locale);
    }

    /** The visitor's language, as far as the widget's texts go: English if they prefer it, else Russian. */
    static Locale of(@org.jspecify.annotations.Nullable String acceptLanguage) {
        var ranges = acceptLanguage == null || acceptLanguage.isBlank() ? java.util.List.<Locale.LanguageRange>of()
                : safeRanges(acceptLanguage);
        var best = Locale.lookup(ranges, java.util.List.of(Locale.forLanguageTag("ru"), Locale.ENGLISH));
        return best == null ? Locale.forLanguageTag("ru") : best;
    }

    private static java.util.List<Locale.LanguageRange> safeRanges(String header) {
        try {
            return Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException e) {
            return java.util.List.of();
        }
    }
}
