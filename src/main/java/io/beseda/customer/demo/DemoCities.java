package io.beseda.customer.demo;

import java.time.ZoneId;
import java.util.List;
import java.util.Random;

/** Cities across Russia with their time zones, weighted roughly by how many shoppers each has. */
final class DemoCities {

    record City(String name, ZoneId zone, int weight) {
    }

    static final List<City> CITIES = List.of(
            city("Калининград", "Europe/Kaliningrad", 3),
            city("Москва", "Europe/Moscow", 30),
            city("Санкт-Петербург", "Europe/Moscow", 15),
            city("Нижний Новгород", "Europe/Moscow", 4),
            city("Казань", "Europe/Moscow", 4),
            city("Краснодар", "Europe/Moscow", 4),
            city("Ростов-на-Дону", "Europe/Moscow", 4),
            city("Воронеж", "Europe/Moscow", 3),
            city("Волгоград", "Europe/Volgograd", 3),
            city("Саратов", "Europe/Saratov", 2),
            city("Самара", "Europe/Samara", 3),
            city("Ижевск", "Europe/Samara", 2),
            city("Екатеринбург", "Asia/Yekaterinburg", 5),
            city("Челябинск", "Asia/Yekaterinburg", 3),
            city("Уфа", "Asia/Yekaterinburg", 3),
            city("Пермь", "Asia/Yekaterinburg", 3),
            city("Тюмень", "Asia/Yekaterinburg", 2),
            city("Омск", "Asia/Omsk", 3),
            city("Новосибирск", "Asia/Novosibirsk", 5),
            city("Томск", "Asia/Tomsk", 2),
            city("Барнаул", "Asia/Barnaul", 2),
            city("Красноярск", "Asia/Krasnoyarsk", 3),
            city("Иркутск", "Asia/Irkutsk", 2),
            city("Якутск", "Asia/Yakutsk", 1),
            city("Хабаровск", "Asia/Vladivostok", 2),
            city("Владивосток", "Asia/Vladivostok", 2),
            city("Магадан", "Asia/Magadan", 1),
            city("Петропавловск-Камчатский", "Asia/Kamchatka", 1));

    private static final int TOTAL_WEIGHT = CITIES.stream().mapToInt(City::weight).sum();

    private DemoCities() {
    }

    static City pick(Random random) {
        var n = random.nextInt(TOTAL_WEIGHT);
        for (var city : CITIES) {
            n -= city.weight();
            if (n < 0) {
                return city;
            }
        }
        throw new IllegalStateException("weights do not add up");
    }

    private static City city(String name, String zone, int weight) {
        return new City(name, ZoneId.of(zone), weight);
    }
}
