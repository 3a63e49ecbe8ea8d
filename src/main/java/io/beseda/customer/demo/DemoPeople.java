package io.beseda.customer.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.beseda.customer.Customer;
import io.beseda.customer.Identity;
import net.datafaker.Faker;

/** Made-up Russian shoppers: names from Datafaker's Russian locale, mobile numbers, e-mails, cities and zones. */
final class DemoPeople {

    record Person(String name, Customer.Gender gender, String phone, String email, DemoCities.City city,
                  @Nullable LocalDate birthday, String visitorId, @Nullable String telegramId,
                  @Nullable String whatsappId, String favouriteCategory) {
    }

    private static final List<String> MAIL_DOMAINS = List.of("mail.ru", "yandex.ru", "gmail.com", "bk.ru", "inbox.ru",
            "list.ru", "rambler.ru", "ya.ru");
    private static final List<String> MOBILE_CODES = List.of("903", "905", "906", "909", "910", "912", "915", "916",
            "917", "918", "919", "920", "921", "922", "925", "926", "927", "929", "950", "951", "952", "953", "960",
            "961", "962", "977", "978", "980", "981", "985", "987", "988", "989", "991", "995", "996", "999");
    private static final Map<Character, String> LATIN = latin();

    private final Random random;
    private final Faker faker;
    private final Set<String> phones = new HashSet<>();
    private final Set<String> emails = new HashSet<>();
    private final Set<String> telegrams = new HashSet<>();

    DemoPeople(Random random) {
        this.random = random;
        this.faker = new Faker(Locale.of("ru"), random);
    }

    List<Person> generate(int count) {
        var people = new ArrayList<Person>(count);
        for (int i = 0; i < count; i++) {
            people.add(person());
        }
        return people;
    }

    private Person person() {
        var female = random.nextInt(100) < 56;
        var first = female ? faker.name().femaleFirstName() : faker.name().maleFirstName();
        var last = faker.resolve(female ? "name.female_last_name" : "name.male_last_name");
        var phone = phone();
        var birthday = random.nextInt(100) < 85 ? LocalDate.of(1962, 1, 1).plusDays(random.nextInt(16_000)) : null;
        var visitor = new UUID(random.nextLong(), random.nextLong()).toString();
        var telegram = random.nextInt(100) < 30 ? telegram() : null;
        var whatsapp = random.nextInt(100) < 15 ? Identity.phone(phone).value().substring(1) : null;
        return new Person(first + " " + last, female ? Customer.Gender.FEMALE : Customer.Gender.MALE, phone,
                email(first, last, birthday), DemoCities.pick(random), birthday, visitor, telegram, whatsapp,
                DemoCatalogue.category(random));
    }

    private String telegram() {
        while (true) {
            var id = String.valueOf(100_000_000L + random.nextInt(900_000_000));
            if (telegrams.add(id)) {
                return id;
            }
        }
    }

    /** A valid Russian mobile number, written the way people type them: +7 916 …, 8 (916) …, 8916…. */
    private String phone() {
        while (true) {
            var code = MOBILE_CODES.get(random.nextInt(MOBILE_CODES.size()));
            var number = String.format("%07d", random.nextInt(10_000_000));
            var e164 = "+7" + code + number;
            if (Identity.phone(e164).valid() && phones.add(e164)) {
                return switch (random.nextInt(3)) {
                    case 0 -> "+7 " + code + " " + number.substring(0, 3) + "-" + number.substring(3, 5) + "-" + number.substring(5);
                    case 1 -> "8 (" + code + ") " + number.substring(0, 3) + "-" + number.substring(3, 5) + "-" + number.substring(5);
                    default -> "8" + code + number;
                };
            }
        }
    }

    private String email(String first, String last, @Nullable LocalDate birthday) {
        var domain = MAIL_DOMAINS.get(random.nextInt(MAIL_DOMAINS.size()));
        var local = switch (random.nextInt(3)) {
            case 0 -> latin(first) + "." + latin(last);
            case 1 -> latin(first).charAt(0) + latin(last);
            default -> latin(last) + (birthday == null ? random.nextInt(100) : birthday.getYear() % 100);
        };
        var email = local + "@" + domain;
        for (int n = 2; !emails.add(email); n++) {
            email = local + n + "@" + domain;
        }
        return email;
    }

    private static String latin(String cyrillic) {
        var text = new StringBuilder();
        for (var c : cyrillic.toLowerCase(Locale.ROOT).toCharArray()) {
            text.append(LATIN.getOrDefault(c, Character.isLetterOrDigit(c) && c < 128 ? String.valueOf(c) : ""));
        }
        return text.toString();
    }

    private static Map<Character, String> latin() {
        var cyrillic = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
        var latin = new String[] {"a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
                "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "sch", "", "y", "", "e", "yu", "ya"};
        var map = new HashMap<Character, String>();
        for (int i = 0; i < cyrillic.length(); i++) {
            map.put(cyrillic.charAt(i), latin[i]);
        }
        return Map.copyOf(map);
    }
}
