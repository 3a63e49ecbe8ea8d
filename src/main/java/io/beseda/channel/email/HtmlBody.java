package io.beseda.channel.email;

import java.util.List;
import java.util.regex.Pattern;

import io.beseda.channel.QuickReply;

/**
 * The HTML part of a mail, made from its text and nothing else: every character escaped, blank lines as
 * paragraphs, line breaks kept, http(s) addresses as links. Nobody's raw HTML ever reaches a customer's mail client.
 */
final class HtmlBody {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+[^\\s<>\".,;:!?)\\]»]");

    private HtmlBody() {
    }

    /**
     * @param images       content ids of inline photos, shown under the text
     * @param replies      quick replies as {@code mailto:} links whose body is the button's title
     * @param unsubscribe  the one-click unsubscribe address, or null
     */
    static String of(String text, List<String> images, List<QuickReply> replies, String replyAddress, String subject,
                     @org.jspecify.annotations.Nullable String unsubscribe) {
        var html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head>"
                + "<body style=\"font-family:Arial,sans-serif;font-size:15px;line-height:1.5;color:#222\">");
        for (var paragraph : text.strip().split("\\n\\s*\\n")) {
            html.append("<p>").append(linked(paragraph.strip()).replace("\n", "<br>\n")).append("</p>\n");
        }
        for (var cid : images) {
            html.append("<p><img src=\"cid:").append(escape(cid)).append("\" alt=\"\" style=\"max-width:100%\"></p>\n");
        }
        if (!replies.isEmpty()) {
            html.append("<ul class=\"quick-replies\">\n");
            for (var reply : replies) {
                html.append("<li><a href=\"").append(escape(Mailto.of(replyAddress, "Re: " + subject, reply.title()))).append("\">")
                        .append(escape(reply.title())).append("</a></li>\n");
            }
            html.append("</ul>\n");
        }
        if (unsubscribe != null) {
            html.append("<p style=\"font-size:12px;color:#777\"><a href=\"").append(escape(unsubscribe))
                    .append("\">Отписаться от рассылки</a></p>\n");
        }
        return html.append("</body></html>").toString();
    }

    private static String linked(String text) {
        var out = new StringBuilder();
        var matcher = URL.matcher(text);
        int at = 0;
        while (matcher.find()) {
            out.append(escape(text.substring(at, matcher.start())));
            var url = escape(matcher.group());
            out.append("<a href=\"").append(url).append("\">").append(url).append("</a>");
            at = matcher.end();
        }
        return out.append(escape(text.substring(at))).toString();
    }

    static String escape(String text) {
        var out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
