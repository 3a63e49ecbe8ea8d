package io.beseda.channel.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the customer wrote, without the history their mail client quoted under it: lines starting with
 * "&gt;", and everything from the line that opens a quote on: "On … wrote:", «… написал(а):», Gmail's and
 * Yandex's "date, name &lt;address&gt;:", Outlook's "-----Original Message-----" / «Исходное сообщение» and
 * its "From: … Sent: …" block. Nothing is cut when the whole mail would be.
 */
final class QuotedText {

    private static final List<Pattern> OPENERS = List.of(
            Pattern.compile("^-{2,}\\s*(Original Message|Исходное сообщение|Пересылаемое сообщение|Forwarded message)\\s*-{2,}\\s*$",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
            Pattern.compile("^_{10,}\\s*$"),
            Pattern.compile("^(On|Le|Am)\\s.+(wrote|a écrit|schrieb)\\s*:\\s*$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
            Pattern.compile("^.{0,200}(написал|написала|написал\\(а\\)|пишет)\\s*:\\s*$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
            Pattern.compile("^.{0,200}<[^<>\\s@]+@[^<>\\s]+>\\s*:\\s*$"));

    private static final Pattern HEADER_BLOCK = Pattern.compile("^\\*?(From|От|Кому|От кого)\\s*:\\*?\\s.+", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern HEADER_NEXT = Pattern.compile("^\\*?(Sent|Date|Отправлено|Дата|To|Кому)\\s*:.*", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private QuotedText() {
    }

    static String trim(String text) {
        var lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        var kept = new ArrayList<String>();
        for (int i = 0; i < lines.length; i++) {
            var line = lines[i].strip();
            if (opens(line) || opensOnTwoLines(lines, i) || headerBlock(lines, i)) {
                break;
            }
            if (!line.startsWith(">")) {
                kept.add(lines[i].stripTrailing());
            }
        }
        var trimmed = String.join("\n", kept).strip();
        return trimmed.isEmpty() ? text.strip() : trimmed;
    }

    private static boolean opens(String line) {
        return OPENERS.stream().anyMatch(p -> p.matcher(line).matches());
    }

    /** Gmail wraps a long "On …, Name &lt;address&gt; wrote:" over two lines. */
    private static boolean opensOnTwoLines(String[] lines, int i) {
        return i + 1 < lines.length && lines[i].strip().matches("(?i)^(On|Le|Am)\\s.+") && lines[i].length() > 40
                && opens(lines[i].strip() + " " + lines[i + 1].strip());
    }

    private static boolean headerBlock(String[] lines, int i) {
        return HEADER_BLOCK.matcher(lines[i].strip()).matches() && i + 1 < lines.length
                && HEADER_NEXT.matcher(lines[i + 1].strip()).matches();
    }
}
