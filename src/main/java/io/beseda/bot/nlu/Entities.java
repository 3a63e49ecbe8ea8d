package io.beseda.bot.nlu;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.tartarus.snowball.ext.RussianStemmer;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

import io.beseda.catalog.search.CatalogSearch;

/**
 * What a message names: an order number («10023», «DM-10023», «заказ № 4567»), a phone (read with
 * libphonenumber, as E.164), a price limit or «недорого», a size (48, XL, «42 размер»: the catalogue's own
 * reading) and a city («в Питере», «Екб», «Нижнем Новгороде»).
 */
public record Entities(@Nullable String orderNumber, @Nullable String phone, @Nullable BigDecimal minPrice,
                       @Nullable BigDecimal maxPrice, boolean cheap, @Nullable String size, @Nullable String city) {

    private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS | Pattern.CASE_INSENSITIVE;
    private static final Pattern PREFIXED_ORDER = Pattern.compile("(?<![\\p{L}\\d])([a-zа-я]{1,4}-\\d{3,12})(?!\\d)", FLAGS);
    private static final Pattern NAMED_ORDER = Pattern.compile("(?:заказ[а-я]*|номер[а-я]*|№|#)\\D{0,12}?(\\d{4,12})(?!\\d)", FLAGS);
    private static final Pattern BARE_NUMBER = Pattern.compile("(?<![\\d.,])(\\d{4,10})(?![\\d.,]*\\s*(?:р\\b|руб|₽|тыс|т\\.р|к\\b|k\\b|размер|см|кг|мм|%))", FLAGS);
    private static final Pattern PRICE_BEFORE = Pattern.compile("(?:до|от|за|дешевле|дороже|максимум|бюджет[а-я]*)\\s*$", FLAGS);
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Map<String, String> CITIES = cities();

    public static Entities of(String text) {
        var clipped = text.length() > Features.MAX_CHARS ? text.substring(0, Features.MAX_CHARS) : text;
        var phone = phone(clipped);
        var understood = CatalogSearch.understand(clipped);
        return new Entities(order(clipped, phone), phone, understood.minPrice(), understood.maxPrice(), understood.cheap(),
                understood.size(), city(clipped));
    }

    static @Nullable String phone(String text) {
        for (var match : PHONES.findNumbers(text, "RU")) {
            var number = match.number();
            if (PHONES.isValidNumber(number)) {
                return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            }
        }
        return null;
    }

    static @Nullable String order(String text, @Nullable String phone) {
        var prefixed = PREFIXED_ORDER.matcher(text);
        if (prefixed.find()) {
            return prefixed.group(1).toUpperCase(Locale.ROOT);
        }
        var named = NAMED_ORDER.matcher(text);
        if (named.find() && !isPhone(named.group(1), phone)) {
            return named.group(1);
        }
        var bare = BARE_NUMBER.matcher(text);
        while (bare.find()) {
            var before = text.substring(Math.max(0, bare.start() - 14), bare.start());
            if (!isPhone(bare.group(1), phone) && !PRICE_BEFORE.matcher(before).find()) {
                return bare.group(1);
            }
        }
        return null;
    }

    private static boolean isPhone(String digits, @Nullable String phone) {
        return phone != null && digits.length() >= 7 && phone.replaceAll("\\D", "").contains(digits);
    }

    /** The city named in the text, in its usual spelling («Санкт-Петербург» for «в Питере», «спб»). */
    public static @Nullable String city(String text) {
        var stemmer = new RussianStemmer();
        String previous = null;
        String found = null;
        for (var word : Features.words(text)) {
            var stem = Features.stem(stemmer, word);
            if (previous != null && CITIES.containsKey(previous + " " + stem)) {
                return CITIES.get(previous + " " + stem);
            }
            if (found == null && CITIES.containsKey(stem)) {
                found = CITIES.get(stem);
            }
            previous = stem;
        }
        return found;
    }

    private static Map<String, String> cities() {
        var stemmer = new RussianStemmer();
        var map = new java.util.HashMap<String, String>();
        var names = """
                Москва|мск|москва
                Санкт-Петербург|питер|спб|петербург|санкт петербург|ленинград
                Екатеринбург|екб|екатеринбург|ебург
                Новосибирск|новосибирск|новосиб|нск
                Казань|казань
                Нижний Новгород|нижний новгород|нижнем новгороде
                Челябинск|челябинск
                Самара|самара
                Омск|омск
                Ростов-на-Дону|ростов
                Уфа|уфа
                Красноярск|красноярск
                Воронеж|воронеж
                Пермь|пермь
                Волгоград|волгоград
                Краснодар|краснодар
                Саратов|саратов
                Тюмень|тюмень
                Тольятти|тольятти
                Ижевск|ижевск
                Барнаул|барнаул
                Ульяновск|ульяновск
                Иркутск|иркутск
                Хабаровск|хабаровск
                Ярославль|ярославль
                Владивосток|владивосток
                Махачкала|махачкала
                Томск|томск
                Оренбург|оренбург
                Кемерово|кемерово
                Рязань|рязань
                Калининград|калининград
                Тула|тула
                Сочи|сочи
                Мурманск|мурманск
                Архангельск|архангельск
                Тверь|тверь
                Пенза|пенза
                Липецк|липецк
                Киров|киров""";
        for (var line : names.lines().toList()) {
            var parts = line.split("\\|");
            for (int i = 1; i < parts.length; i++) {
                var stems = Features.words(parts[i]).stream().map(w -> Features.stem(stemmer, w)).toList();
                map.put(String.join(" ", stems), parts[0]);
            }
        }
        return Map.copyOf(map);
    }
}
