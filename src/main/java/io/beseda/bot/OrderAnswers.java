package io.beseda.bot;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.beseda.bot.nlu.Entities;
import io.beseda.customer.CustomerHistory;
import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.customer.IdentityKind;
import io.beseda.workspace.WorkspaceId;

/**
 * «Где мой заказ»: by the number the customer gives (or the phone it was placed with, or — when they give
 * neither — their own latest order), the status in words, the expected day, the courier and the tracking
 * link. Anyone with the number learns only this, never what was ordered or where it goes.
 */
@Component
class OrderAnswers {

    private static final Map<String, String> STATUSES = Map.of(
            "new", "оформлен, ждёт оплаты или подтверждения",
            "paid", "оплачен, собираем",
            "confirmed", "подтверждён, собираем",
            "assembled", "собран и скоро будет передан в доставку",
            "shipped", "передан в доставку",
            "ready_for_pickup", "ждёт вас в пункте выдачи",
            "delivered", "доставлен",
            "cancelled", "отменён",
            "returned", "возвращён");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM", Locale.forLanguageTag("ru"));

    private final CustomerHistory history;
    private final Customers customers;
    private final io.beseda.workspace.Workspaces workspaces;

    OrderAnswers(CustomerHistory history, Customers customers, io.beseda.workspace.Workspaces workspaces) {
        this.history = history;
        this.workspaces = workspaces;
        this.customers = customers;
    }

    Reply answer(WorkspaceId workspace, CustomerId customer, BotSettings.Settings settings, Session session, Entities entities,
                 boolean askedAlready) {
        var number = entities.orderNumber() != null ? entities.orderNumber() : session.collected().get("order");
        var next = session.with("order", entities.orderNumber()).with("phone", entities.phone());
        Optional<CustomerHistory.Order> order = Optional.empty();
        if (number != null) {
            order = history.orderAsTyped(workspace, number);
        } else if (entities.phone() != null) {
            order = customers.findBy(workspace, Identity.of(IdentityKind.PHONE, entities.phone()))
                    .flatMap(placer -> latest(workspace, placer));
        } else if (!askedAlready) {
            order = latest(workspace, customer);
        }
        if (order.isPresent()) {
            return Reply.answered(next.waitingFor(null, null).understood().tried("order_status: статус заказа " + order.get().orderId() + " сообщён"),
                    Said.text(describe(settings, order.get(), zone(workspace))));
        }
        if (number != null || entities.phone() != null) {
            var typed = number != null ? number : entities.phone();
            return new Reply(java.util.List.of(new Said(Phrases.fill(settings.text("order_not_found"), Map.of("number", typed)), Buttons.OPERATOR)),
                    next.waitingFor(Session.Awaiting.ORDER, Intent.ORDER_STATUS).misunderstood().tried("order_status: заказ «" + typed + "» не найден"),
                    Outcome.Kind.ASKED, null, null);
        }
        return Reply.asked(next.waitingFor(Session.Awaiting.ORDER, Intent.ORDER_STATUS), Said.text(settings.text("ask_order")));
    }

    private java.time.ZoneId zone(WorkspaceId workspace) {
        return workspaces.find(workspace).map(io.beseda.workspace.Workspace::timeZone).orElse(java.time.ZoneId.of("Europe/Moscow"));
    }

    private Optional<CustomerHistory.Order> latest(WorkspaceId workspace, CustomerId customer) {
        return history.orders(workspace, customer).stream().findFirst();
    }

    static String describe(BotSettings.Settings settings, CustomerHistory.Order order, java.time.ZoneId zone) {
        var status = STATUSES.getOrDefault(order.status().toLowerCase(Locale.ROOT), order.status());
        var since = order.history().isEmpty() ? order.updatedAt() : order.history().getLast().at();
        var text = new StringBuilder(Phrases.fill(settings.text("order_status"),
                Map.of("number", order.orderId(), "status", status + " (" + DAY.format(since.atZone(zone)) + ")")));
        var delivery = order.delivery();
        if (delivery != null && !"delivered".equalsIgnoreCase(order.status()) && !"cancelled".equalsIgnoreCase(order.status())) {
            var expected = day(delivery.expectedAt());
            if (expected != null) {
                text.append("\nОжидаемая дата доставки: ").append(expected).append('.');
            }
            if (delivery.courierPhone() != null) {
                text.append("\nКурьер: ").append(delivery.courierName() == null ? "" : delivery.courierName() + ", ")
                        .append(delivery.courierPhone()).append('.');
            }
            if (delivery.trackingUrl() != null) {
                text.append("\nОтследить: ").append(delivery.trackingUrl());
            }
        }
        return text.toString();
    }

    private static @Nullable String day(@Nullable String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return LocalDate.parse(iso.length() > 10 ? iso.substring(0, 10) : iso).format(DAY);
        } catch (java.time.DateTimeException e) {
            return iso;
        }
    }
}
