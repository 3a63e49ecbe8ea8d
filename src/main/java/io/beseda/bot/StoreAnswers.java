package io.beseda.bot;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.beseda.bot.nlu.Entities;
import io.beseda.catalog.Store;
import io.beseda.catalog.Stores;
import io.beseda.channel.InboundMessage;
import io.beseda.workspace.WorkspaceId;

/** «Где ближайший магазин» by the city named or the location shared, and the stores' hours. */
@Component
class StoreAnswers {

    private final Stores stores;

    StoreAnswers(Stores stores) {
        this.stores = stores;
    }

    Reply answer(WorkspaceId workspace, BotSettings.Settings settings, Session session, String text,
                 InboundMessage.@Nullable Location location) {
        var all = stores.list(workspace);
        if (location != null && !all.isEmpty()) {
            var nearest = all.stream().filter(s -> s.latitude() != null && s.longitude() != null)
                    .min(Comparator.comparingDouble(s -> kilometres(location.latitude(), location.longitude(), s)));
            if (nearest.isPresent()) {
                var store = nearest.get();
                var line = describe(store) + String.format(java.util.Locale.ROOT, " (≈%.0f км)",
                        kilometres(location.latitude(), location.longitude(), store));
                return Reply.answered(session.waitingFor(null, null).understood().tried("store_locator: ближайший магазин по геопозиции"),
                        Said.text(Phrases.fill(settings.text("store_nearest"), Map.of("stores", line))));
            }
        }
        var city = Entities.city(text);
        if (city == null) {
            city = session.collected().get("city");
        }
        if (city == null && all.stream().map(Store::city).distinct().count() > 1) {
            return Reply.asked(session.waitingFor(Session.Awaiting.CITY, Intent.STORE_LOCATOR), Said.text(settings.text("store_ask_city")));
        }
        final var wanted = city;
        var here = wanted == null ? all : all.stream().filter(s -> sameCity(s.city(), wanted)).toList();
        var next = session.with("city", city).waitingFor(null, null).understood();
        if (here.isEmpty()) {
            return Reply.answered(next.tried("store_locator: в городе " + city + " магазинов нет"),
                    Said.text(Phrases.fill(settings.text("store_none_in_city"), Map.of("city", String.valueOf(city), "stores", list(all)))));
        }
        return Reply.answered(next.tried("store_locator: магазины" + (city == null ? "" : " в городе " + city)),
                Said.text(Phrases.fill(settings.text("store_list"), Map.of("where", city == null ? "" : "в городе " + city, "stores", list(here)))
                        .replace("  ", " ")));
    }

    Reply hours(WorkspaceId workspace, BotSettings.Settings settings, Session session) {
        var all = stores.list(workspace);
        var lines = all.stream().map(s -> "• " + s.name() + " (" + s.city() + "): " + (s.hours() == null ? "часы уточняйте по телефону" : s.hours()))
                .collect(Collectors.joining("\n"));
        return Reply.answered(session.understood().tried("opening_hours: часы работы"),
                Said.text(Phrases.fill(settings.text("opening_hours"), Map.of("stores", lines))));
    }

    private static boolean sameCity(String storeCity, String asked) {
        var named = Entities.city(storeCity);
        return storeCity.equalsIgnoreCase(asked) || asked.equals(named);
    }

    static String list(List<Store> stores) {
        return stores.stream().map(s -> "• " + describe(s)).collect(Collectors.joining("\n"));
    }

    private static String describe(Store s) {
        var line = new StringBuilder(s.name()).append(" — ").append(s.city()).append(", ").append(s.address());
        if (s.hours() != null) {
            line.append("; ").append(s.hours());
        }
        if (s.phone() != null) {
            line.append("; ").append(s.phone());
        }
        return line.toString();
    }

    private static double kilometres(double latitude, double longitude, Store store) {
        var dLat = Math.toRadians(store.latitude() - latitude);
        var dLon = Math.toRadians(store.longitude() - longitude);
        var a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(latitude)) * Math.cos(Math.toRadians(store.latitude())) * Math.pow(Math.sin(dLon / 2), 2);
        return 6371 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }
}
