package io.beseda.journey.demo;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.beseda.consent.SendPolicy;
import io.beseda.consent.SendPolicySettings;
import io.beseda.journey.definition.ShippedJourneys;
import io.beseda.journey.runtime.JourneyCatalog;
import io.beseda.workspace.Actor;
import io.beseda.workspace.Workspaces;

/**
 * Gives «Демо-магазин» its own copies of the shipped journeys, launched, the first time it starts: the
 * abandoned cart waits minutes where the real one waits hours (1 minute of quiet, the SMS a minute after the
 * push, the e-mail two minutes after the SMS), so a newcomer sees the whole scenario in the sandbox phone
 * while they watch. The demo has no quiet hours, so it shows at any hour what a real shop's customers
 * get in the daytime, and allows the journey's three marketing messages a day (the default cap is two).
 */
@Component
@Order(6)
class DemoJourneys implements ApplicationRunner {

    static final ShippedJourneys.CartPace DEMO_PACE = new ShippedJourneys.CartPace(Duration.ofMinutes(1), Duration.ofMinutes(1),
            Duration.ofMinutes(2), Duration.ofMinutes(1));

    private final Workspaces workspaces;
    private final JourneyCatalog catalog;
    private final SendPolicy policy;

    DemoJourneys(Workspaces workspaces, JourneyCatalog catalog, SendPolicy policy) {
        this.workspaces = workspaces;
        this.catalog = catalog;
        this.policy = policy;
    }

    @Override
    public void run(ApplicationArguments args) {
        workspaces.findBySlug("demo").filter(demo -> catalog.byTemplate(demo.id(), ShippedJourneys.ABANDONED_CART).isEmpty())
                .ifPresent(demo -> {
                    var actor = Actor.system(demo.id(), "demo");
                    var cart = catalog.create(actor, "Брошенная корзина (демо: минуты вместо часов)",
                            ShippedJourneys.abandonedCart(DEMO_PACE), ShippedJourneys.ABANDONED_CART);
                    catalog.launch(actor, cart.id(), false, List.of());
                    var status = catalog.create(actor, "Статус заказа", ShippedJourneys.orderStatus(), ShippedJourneys.ORDER_STATUS);
                    catalog.launch(actor, status.id(), false, List.of());
                    var settings = policy.settings(demo.id());
                    policy.update(actor, new SendPolicySettings(settings.organisationType(), settings.restrictedChannels(),
                            Math.max(3, settings.marketingPerDay()), Math.max(3, settings.marketingPerWeek()), settings.marketingPerDayPerChannel(),
                            settings.marketingPerWeekPerChannel(), LocalTime.of(0, 0), LocalTime.of(0, 0), settings.serviceInQuietHours()));
                });
    }
}
