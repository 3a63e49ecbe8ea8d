package io.beseda.journey.definition;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.beseda.consent.Channel;
import io.beseda.consent.MessageCategory;

/**
 * The journeys Beseda ships, which a workspace copies and edits: «Брошенная корзина» (push, then SMS with a
 * coupon, then e-mail; exits on purchase) and «Статус заказа» (one service message per status change on the
 * customer's preferred channel, the courier's phone when handed over, a CSAT question when delivered).
 */
public final class ShippedJourneys {

    public static final String ABANDONED_CART = "abandoned-cart";
    public static final String ORDER_STATUS = "order-status";

    /** The waits of the abandoned-cart journey: the real ones, or the demo's minutes. */
    public record CartPace(Duration idle, Duration beforeSms, Duration beforeEmail, Duration activeQuietFor) {

        public static final CartPace REAL = new CartPace(Duration.ofMinutes(30), Duration.ofMinutes(30), Duration.ofHours(2),
                Duration.ofMinutes(10));
    }

    private ShippedJourneys() {
    }

    public static JourneyDefinition abandonedCart(CartPace pace) {
        var push = new Message("Вы оставили товары в корзине",
                "{{ cart.items.first.name }}{% if cart.count > 1 %} и ещё {{ cart.count | minus: 1 }}{% endif %} ждут вас. "
                        + "Вернуться к корзине: {{ cart.link }}");
        var sms = new Message(null, "{{ customer.first_name | default: \"Здравствуйте\" }}, товары ждут вас в корзине"
                + " на {{ cart.total | money }}. Скидка {{ coupon.discount }} по коду {{ coupon.code }}: {{ cart.link }}");
        var email = new Message("{{ customer.first_name | default: \"Здравствуйте\" }}, ваша корзина ждёт",
                """
                {{ customer.first_name | default: "Здравствуйте" }}!

                Вы выбрали, но не оформили:
                {% for item in cart.items %}— {{ item.name }} × {{ item.quantity }}, {{ item.price | money }}
                {% endfor %}
                Итого: {{ cart.total | money }}. Вернуться к корзине: {{ cart.link }}
                {% if coupon.code %}
                Ваш код {{ coupon.code }} даёт скидку {{ coupon.discount }} до {{ coupon.valid_until | date }}.
                {% endif %}
                Товары в корзине не отложены: популярные размеры могут закончиться.
                {% if recommendations.size > 0 %}
                Вам может понравиться:
                {% for product in recommendations %}— {{ product.name }}, {{ product.price | money }}: {{ product.url }}
                {% endfor %}{% endif %}""");
        var steps = List.<Step>of(
                new Step.Send("push", "Push-напоминание", List.of(Channel.PUSH), Map.of(Channel.PUSH, push), false, null, null),
                new Step.Branch("push-reached", "Push дошёл?",
                        List.of(new Condition("sent.channels", Condition.Operator.CONTAINS, "PUSH")), "pause-sms", "coupon"),
                new Step.Delay("pause-sms", "Пауза перед SMS", pace.beforeSms(), "coupon"),
                new Step.IssueCoupon("coupon", "Купон на скидку", new CouponTerms("CART", "10 %", Duration.ofDays(3)), null),
                new Step.Send("sms", "SMS со ссылкой и купоном", List.of(Channel.SMS), Map.of(Channel.SMS, sms), false, null, null),
                new Step.Delay("pause-email", "Пауза перед письмом", pace.beforeEmail(), null),
                new Step.Send("email", "Письмо с корзиной и рекомендациями", List.of(Channel.EMAIL), Map.of(Channel.EMAIL, email),
                        false, null, null));
        return new JourneyDefinition(new Trigger.CartAbandoned(pace.idle()), steps, new Goal("order_placed", Duration.ofDays(3)),
                EntryRule.oncePer(Duration.ofDays(7)), MessageCategory.MARKETING, 3, Duration.ofDays(1), pace.activeQuietFor());
    }

    public static JourneyDefinition orderStatus() {
        var channels = List.of(Channel.TELEGRAM, Channel.WHATSAPP, Channel.VIBER, Channel.VK, Channel.MAX, Channel.WEBCHAT,
                Channel.PUSH, Channel.SMS, Channel.EMAIL);
        var status = new Message("Заказ {{ order.id }}: {{ order.status_text }}",
                "Заказ {{ order.id }}: {{ order.status_text }}.{% if order.courier_name or order.courier_phone %}"
                        + " Курьер: {{ order.courier_name }}{% if order.courier_phone %}, {{ order.courier_phone }}{% endif %}.{% endif %}"
                        + "{% if order.tracking_url %} Отследить: {{ order.tracking_url }}{% endif %}");
        var csat = new Message("Заказ {{ order.id }} доставлен",
                "Заказ {{ order.id }} доставлен. Как вам покупка? Оцените от 1 до 5 — это займёт секунду.",
                List.of("1", "2", "3", "4", "5"));
        var steps = List.<Step>of(
                new Step.Branch("delivered", "Доставлен?",
                        List.of(new Condition("event.status", Condition.Operator.EQUALS, "delivered")), "csat", "status"),
                new Step.Send("status", "Сообщение о статусе", channels, messagesFor(channels, status), true, null, null),
                new Step.Exit("done", "Готово"),
                new Step.Send("csat", "Доставлен: просьба оценить", channels, messagesFor(channels, csat), true, null, null));
        return new JourneyDefinition(new Trigger.OrderStatusChanged(List.of("paid", "shipped", "delivered", "cancelled")), steps,
                null, EntryRule.everyTime(), MessageCategory.SERVICE, 10, Duration.ofDays(1), Duration.ZERO);
    }

    private static Map<Channel, Message> messagesFor(List<Channel> channels, Message message) {
        var map = new java.util.LinkedHashMap<Channel, Message>();
        channels.forEach(c -> map.put(c, message));
        return map;
    }
}
