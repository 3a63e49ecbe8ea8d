package io.beseda.catalog.search;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What a customer's shopping question asks for, read the way a shop assistant would: a price limit
 * ("до 2000 рублей", "не дороже 5 тыс", "от 1000"), "недорогой", a size ("48 размер", "размер M"), colours,
 * "последняя модель", and the words left to search the catalogue with.
 */
record ShoppingQuery(String words, @Nullable BigDecimal minPrice, @Nullable BigDecimal maxPrice, boolean cheap,
                     @Nullable String size, List<String> colours, boolean newest) {

    // UNICODE_CHARACTER_CLASS throughout: since Java 19 \b and \w are ASCII-only without it, and never see a Cyrillic word's edge.
    private static final String NUMBER = "(\\d[\\d  ]*(?:[.,]\\d+)?)\\s*(тыс[а-я]*\\.?|т\\.?р\\.?|к|k)?\\s*(?:р\\b\\.?|руб[а-я]*\\.?|₽)?";
    private static final Pattern MAX = Pattern.compile("(?<![а-я])(?:до|дешевле|не\\s+дороже|не\\s+больше|максимум|в\\s+пределах|меньше)\\s+" + NUMBER, Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern MIN = Pattern.compile("(?<![а-я])(?:от|дороже|не\\s+дешевле|больше)\\s+" + NUMBER, Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern CHEAP = Pattern.compile("\\b(?:недорог[а-я]*|дешев[а-я]*|бюджетн[а-я]*|подешевле|недешев[а-я]*)", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SIZE = Pattern.compile(
            "(?:(\\d{2})(?:-?(?:го|й|ой))?\\s+размер[а-я]*|размер[а-я]*\\s+(\\d{2}|xxs|xs|s|m|l|xl|xxl|xxxl)\\b)", Pattern.UNICODE_CHARACTER_CLASS);
    /** An international size on its own («куртка xl», «есть XXL?»); S, M and L alone are too common to read without «размер». */
    private static final Pattern LETTER_SIZE = Pattern.compile("(?<![\\p{L}\\d])(xxs|xs|xl|xxl|xxxl|[2-5]xl)(?![\\p{L}\\d])",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern NEWEST = Pattern.compile(
            "(?:последн[а-я]*|нов(?:ейш|[ауыо])[а-я]*|свеж[а-я]*)\\s+модел[а-я]*|новинк[а-я]*|самы[а-я]*\\s+нов[а-я]*", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern COLOUR = Pattern.compile("\\b(черн|бел|син|красн|зелен|сер|бежев|розов|желт|коричнев|золот|серебр"
            + "|голуб|бордов|хаки|оливков|изумрудн|графит|фиолетов|оранжев)[а-я]*", Pattern.UNICODE_CHARACTER_CLASS);
    /** Words that ask rather than describe: "подберите", "есть ли", "хочу купить". */
    private static final Pattern ASKING = Pattern.compile("\\b(?:подбер[а-я]*|подобрат[а-я]*|покаж[а-я]*|посовету[а-я]*|есть|ли|хочу|хотел[а-я]*"
            + "|нуж[а-я]*|ищу|найд[а-я]*|найти|где|купить|куплю|можно|пожалуйста|какой|какая|какие|какое|мне|вас|у|в\\s+наличии|наличи[а-я]*"
            + "|магазин[а-я]*|модел[а-я]*|подарок|подарк[а-я]*)\\b", Pattern.UNICODE_CHARACTER_CLASS);

    static ShoppingQuery parse(String text) {
        var rest = " " + text.toLowerCase(Locale.ROOT).replace('ё', 'е') + " ";
        BigDecimal max = null;
        BigDecimal min = null;
        var m = MAX.matcher(rest);
        if (m.find()) {
            max = amount(m);
            rest = cut(rest, m);
        }
        m = MIN.matcher(rest);
        if (m.find()) {
            min = amount(m);
            rest = cut(rest, m);
        }
        boolean cheap = false;
        m = CHEAP.matcher(rest);
        while (m.find()) {
            cheap = true;
        }
        rest = CHEAP.matcher(rest).replaceAll(" ");
        String size = null;
        m = SIZE.matcher(rest);
        if (m.find()) {
            size = m.group(1) != null ? m.group(1) : m.group(2);
            rest = cut(rest, m);
        } else if ((m = LETTER_SIZE.matcher(rest)).find()) {
            size = m.group(1);
            rest = cut(rest, m);
        }
        boolean newest = false;
        m = NEWEST.matcher(rest);
        if (m.find()) {
            newest = true;
            rest = cut(rest, m);
        }
        var colours = new ArrayList<String>();
        m = COLOUR.matcher(rest);
        while (m.find()) {
            colours.add(m.group());
        }
        rest = COLOUR.matcher(rest).replaceAll(" ");
        rest = ASKING.matcher(rest).replaceAll(" ");
        var words = rest.replaceAll("[^\\p{L}\\p{N}-]+", " ").strip().replaceAll("\\s+", " ");
        return new ShoppingQuery(words, min, max, cheap, size, List.copyOf(colours), newest);
    }

    private static String cut(String text, Matcher m) {
        return text.substring(0, m.start()) + " " + text.substring(m.end());
    }

    private static @Nullable BigDecimal amount(Matcher m) {
        try {
            var value = new BigDecimal(m.group(1).replaceAll("[  ]", "").replace(',', '.'));
            return m.group(2) != null ? value.multiply(BigDecimal.valueOf(1000)) : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
