package io.beseda.customer.demo;

import java.util.List;
import java.util.Random;

/** The demo shop's catalogue: what its made-up customers look at, put in their carts and buy. */
final class DemoCatalogue {

    record Product(String id, String name, String category, int price) {
    }

    static final List<Product> PRODUCTS = List.of(
            new Product("p-101", "Пуховик женский «Северный»", "Одежда", 12_990),
            new Product("p-102", "Парка мужская с капюшоном", "Одежда", 14_490),
            new Product("p-103", "Свитер из мериноса", "Одежда", 5_490),
            new Product("p-104", "Джинсы прямые", "Одежда", 3_990),
            new Product("p-105", "Платье трикотажное", "Одежда", 4_290),
            new Product("p-106", "Худи оверсайз", "Одежда", 3_490),
            new Product("p-201", "Кроссовки беговые «Темп»", "Обувь", 6_490),
            new Product("p-202", "Ботинки зимние на меху", "Обувь", 8_990),
            new Product("p-203", "Кеды белые", "Обувь", 3_290),
            new Product("p-204", "Сапоги женские замшевые", "Обувь", 11_490),
            new Product("p-205", "Тапочки домашние", "Обувь", 990),
            new Product("p-301", "Рюкзак городской 20 л", "Аксессуары", 3_290),
            new Product("p-302", "Шарф кашемировый", "Аксессуары", 2_490),
            new Product("p-303", "Перчатки кожаные", "Аксессуары", 1_990),
            new Product("p-304", "Шапка вязаная", "Аксессуары", 1_290),
            new Product("p-305", "Ремень кожаный", "Аксессуары", 1_790),
            new Product("p-401", "Наушники беспроводные «Тишина»", "Электроника", 4_590),
            new Product("p-402", "Умные часы «Пульс»", "Электроника", 9_990),
            new Product("p-403", "Портативная колонка", "Электроника", 3_790),
            new Product("p-404", "Внешний аккумулятор 20 000 мА·ч", "Электроника", 2_290),
            new Product("p-405", "Электронная книга", "Электроника", 11_990),
            new Product("p-501", "Плед шерстяной 140×200", "Дом", 2_990),
            new Product("p-502", "Комплект постельного белья, сатин", "Дом", 5_990),
            new Product("p-503", "Набор кухонных ножей", "Дом", 3_490),
            new Product("p-504", "Аромасвеча «Хвоя»", "Дом", 890),
            new Product("p-505", "Чайник электрический стеклянный", "Дом", 2_790));

    static final List<String> SEARCHES = List.of("пуховик", "кроссовки 42", "зимние ботинки", "наушники",
            "подарок маме", "плед", "умные часы", "шарф", "рюкзак", "платье на новый год", "постельное бельё",
            "колонка bluetooth", "свитер", "скидки");

    private DemoCatalogue() {
    }

    static Product product(Random random, String favouriteCategory) {
        if (random.nextInt(100) < 65) {
            var inCategory = PRODUCTS.stream().filter(p -> p.category().equals(favouriteCategory)).toList();
            return inCategory.get(random.nextInt(inCategory.size()));
        }
        return PRODUCTS.get(random.nextInt(PRODUCTS.size()));
    }

    static String category(Random random) {
        return PRODUCTS.get(random.nextInt(PRODUCTS.size())).category();
    }
}
