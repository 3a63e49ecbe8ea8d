package io.beseda.channel.email;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text from a mail that came only as HTML: scripts, styles and the head dropped, blocks and line breaks as
 * new lines, quoted blocks as "&gt;" lines (so {@link QuotedText} trims them), every tag removed, entities
 * decoded. The result is plain text and is only ever shown as text.
 */
final class HtmlText {

    private static final Pattern DROPPED = Pattern.compile("(?is)<(script|style|head|title)\\b.*?</\\1\\s*>|<!--.*?-->");
    private static final Pattern BREAKS = Pattern.compile("(?i)<br\\s*/?>|</(p|div|tr|h[1-6]|li|ul|ol|table|blockquote)\\s*>|<(p|div|tr|h[1-6]|ul|ol|table)\\b[^>]*>");
    private static final Pattern ITEM = Pattern.compile("(?i)<li\\b[^>]*>");
    private static final Pattern QUOTE = Pattern.compile("(?is)<blockquote\\b[^>]*>(.*?)</blockquote\\s*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});");

    private HtmlText() {
    }

    static String of(String html) {
        var text = DROPPED.matcher(html).replaceAll("");
        text = QUOTE.matcher(text).replaceAll(m -> Matcher.quoteReplacement("\n" + quoted(m.group(1)) + "\n"));
        text = ITEM.matcher(text).replaceAll("\n— ");
        text = BREAKS.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        text = decode(text.replaceAll("[ \\t\\x0B\\f]+", " "));
        return text.replaceAll(" *\n *", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }

    private static String quoted(String inner) {
        var lines = of(inner).split("\n");
        var out = new StringBuilder();
        for (var line : lines) {
            out.append("> ").append(line).append('\n');
        }
        // the inner text is already decoded: keep it from being decoded twice
        return out.toString().replace("&", "&amp;").replace("<", "&lt;");
    }

    private static String decode(String text) {
        return ENTITY.matcher(text).replaceAll(m -> Matcher.quoteReplacement(entity(m.group(1), m.group())));
    }

    private static String entity(String name, String whole) {
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                return Character.toString(Integer.parseInt(name.substring(2), 16));
            }
            if (name.startsWith("#")) {
                return Character.toString(Integer.parseInt(name.substring(1)));
            }
        } catch (IllegalArgumentException e) {
            return whole;
        }
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            case "laquo" -> "«";
            case "raquo" -> "»";
            case "mdash" -> "—";
            case "ndash" -> "–";
            case "hellip" -> "…";
            default -> whole;
        };
    }
}
