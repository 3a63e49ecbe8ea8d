package io.beseda.channel.push;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.beseda.channel.TextSplitter;

/**
 * What a notification shows and where its click leads. A notification is one short text: a longer message is
 * cut at a word and ends with «…». The click leads to the message's first link, else to the shop's site.
 *
 * @param link where the click leads in the end (through Beseda's redirect, which counts it)
 */
record PushNotification(String title, String body, String link, @Nullable String icon) {

    /** What browsers and phones show of a notification's text, generously: more is cut off on screen anyway. */
    static final int MAX_BODY = 1000;

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"«»]+[^\\s<>\"«».,;:!?)]");

    static PushNotification of(String title, String text, String siteUrl, @Nullable String icon) {
        var parts = TextSplitter.split(text.strip(), MAX_BODY - 1);
        var body = parts.size() == 1 ? parts.getFirst() : parts.getFirst().stripTrailing() + "…";
        var link = LINK.matcher(text);
        return new PushNotification(title, body, link.find() ? link.group() : siteUrl, icon == null || icon.isBlank() ? null : icon);
    }
}
