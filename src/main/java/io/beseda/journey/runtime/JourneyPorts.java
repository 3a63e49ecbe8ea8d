package io.beseda.journey.runtime;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.channel.OutboundMessage;
import io.beseda.channel.Outbox;
import io.beseda.channel.QuickReply;
import io.beseda.channel.Reachability;
import io.beseda.consent.Channel;
import io.beseda.customer.CustomerHistory;
import io.beseda.customer.CustomerProfiles;
import io.beseda.customer.Customers;
import io.beseda.customer.SegmentId;
import io.beseda.customer.Segments;
import io.beseda.journey.definition.CouponTerms;
import io.beseda.journey.definition.Message;
import io.beseda.journey.definition.Step;
import io.beseda.journey.engine.Ports;
import io.beseda.journey.engine.RunRef;
import io.beseda.journey.engine.RunState;
import io.beseda.journey.template.ChannelTemplate;
import io.beseda.journey.template.Coupon;
import io.beseda.journey.template.CouponSpec;
import io.beseda.journey.template.Coupons;
import io.beseda.journey.template.MessageRenderer;
import io.beseda.journey.template.RenderFacts;
import io.beseda.journey.template.TemplateProblem;
import io.beseda.workspace.Workspaces;

/** The engine's view of Beseda: customers, carts and orders, segments, coupons, and the outbox for sending. */
@Component
class JourneyPorts implements Ports {

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Reachability reachability;
    private final MessageRenderer renderer;
    private final Coupons coupons;
    private final Customers customers;
    private final CustomerProfiles profiles;
    private final CustomerHistory history;
    private final Segments segments;
    private final Workspaces workspaces;
    private final JourneySettings settings;
    private final Definitions definitions;
    private final JourneyWebhooks webhooks;

    JourneyPorts(JdbcClient jdbc, Outbox outbox, Reachability reachability, MessageRenderer renderer, Coupons coupons,
                 Customers customers, CustomerProfiles profiles, CustomerHistory history, Segments segments, Workspaces workspaces,
                 JourneySettings settings, Definitions definitions, JourneyWebhooks webhooks) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.reachability = reachability;
        this.renderer = renderer;
        this.coupons = coupons;
        this.customers = customers;
        this.profiles = profiles;
        this.history = history;
        this.segments = segments;
        this.workspaces = workspaces;
        this.settings = settings;
        this.definitions = definitions;
        this.webhooks = webhooks;
    }

    @Override
    public SendAttempt send(RunRef run, RunState state, Step.Send step, Channel channel, Message message, String key) {
        if (!reachability.reachable(run.workspace(), run.customer(), channel)) {
            return new SendAttempt.NotSent("UNREACHABLE", "у покупателя нет адреса или подписки для канала " + channel);
        }
        io.beseda.journey.template.Rendered text;
        try {
            text = render(run, state, step, channel, message);
        } catch (TemplateProblem problem) {
            return new SendAttempt.NotSent("TEMPLATE", String.valueOf(problem.getMessage()));
        }
        if (text.body().isBlank()) {
            return new SendAttempt.NotSent("TEMPLATE", "текст получился пустым");
        }
        var category = definitions.version(run.journeyId(), run.version()) instanceof io.beseda.journey.definition.JourneyDefinition d
                ? d.category() : io.beseda.consent.MessageCategory.MARKETING;
        var buttons = message.buttons().stream().map(b -> new QuickReply(b, "journey:" + step.id() + ":" + b)).toList();
        var id = outbox.queue(run.workspace(), new OutboundMessage(run.customer(), channel, category, text.body(), null,
                "journey:" + key, false, settings.messageDeadline(), buttons, List.of(), text.subject()));
        return new SendAttempt.Queued(id.value());
    }

    private io.beseda.journey.template.Rendered render(RunRef run, RunState state, Step.Send step, Channel channel, Message message) {
        var coupon = state.coupon() == null ? null : new Coupon(state.coupon().code(), state.coupon().discount(), state.coupon().validUntil());
        return renderer.render(new ChannelTemplate(message.subject(), message.body()),
                new RenderFacts(run.workspace(), run.customer(), run.id(), step.id(), channel, coupon, state.facts().get("orderId")));
    }

    @Override
    public @Nullable Instant lastActivity(RunRef run) {
        var last = jdbc.sql("select max(occurred_at) from storefront_event where workspace_id = ? and customer_id = ?")
                .params(run.workspace().value(), run.customer().value()).query((row, n) -> row.getTimestamp(1)).single();
        return last == null ? null : last.toInstant();
    }

    @Override
    public int messagesSince(RunRef run, Instant since) {
        return jdbc.sql("""
                select count(*) from journey_step_execution e join journey_run r on r.id = e.run_id
                where r.workspace_id = ? and r.customer_id = ? and r.journey_id = ? and e.kind = 'send' and e.outcome = 'QUEUED'
                  and e.executed_at >= ?""")
                .params(run.workspace().value(), run.customer().value(), run.journeyId(), Timestamp.from(since))
                .query(Integer.class).single();
    }

    @Override
    public List<Channel> preferredChannels(RunRef run) {
        return jdbc.sql("""
                select channel from inbound_message where workspace_id = ? and customer_id = ?
                group by channel order by max(sent_at) desc""")
                .params(run.workspace().value(), run.customer().value()).query(String.class).list()
                .stream().map(Channel::valueOf).toList();
    }

    @Override
    public @Nullable String fact(RunRef run, RunState state, String field) {
        if (field.startsWith("event.")) {
            return state.facts().get(field);
        }
        return switch (field) {
            case "previous.outcome" -> state.lastOutcome();
            case "sent.channels" -> String.join(",", state.reached().stream().map(Channel::name).toList());
            case "variant" -> state.variant();
            case "cart.total" -> cart(run).total().toPlainString();
            case "cart.items" -> String.valueOf(cart(run).items().size());
            case "order.status" -> order(run, state).map(CustomerHistory.Order::status).orElse(null);
            case "order.total" -> order(run, state).map(o -> o.total().toPlainString()).orElse(null);
            default -> customerFact(run, field);
        };
    }

    private @Nullable String customerFact(RunRef run, String field) {
        if (!field.startsWith("customer.")) {
            return null;
        }
        var customer = customers.get(run.workspace(), run.customer());
        var name = field.substring("customer.".length());
        return switch (name) {
            case "city" -> customer.city();
            case "name" -> customer.name();
            case "email" -> customer.email();
            case "phone" -> customer.phone();
            default -> customer.attributes().get(name) == null ? null : String.valueOf(customer.attributes().get(name));
        };
    }

    private CustomerHistory.Cart cart(RunRef run) {
        return history.cart(run.workspace(), run.customer()).orElse(CustomerHistory.Cart.NONE);
    }

    private java.util.Optional<CustomerHistory.Order> order(RunRef run, RunState state) {
        var id = state.facts().get("orderId");
        return id != null ? history.order(run.workspace(), id) : history.orders(run.workspace(), run.customer()).stream().findFirst();
    }

    @Override
    public boolean inSegment(RunRef run, UUID segment) {
        return segments.contains(run.workspace(), new SegmentId(segment), run.customer());
    }

    @Override
    public RunState.IssuedCoupon issueCoupon(RunRef run, CouponTerms terms, String key) {
        var coupon = coupons.issue(run.workspace(), run.customer(), new CouponSpec(terms.prefix(), terms.discount(), terms.validFor()), key);
        return new RunState.IssuedCoupon(coupon.code(), coupon.discount(), coupon.validUntil());
    }

    @Override
    public String setAttribute(RunRef run, String attribute, @Nullable String value) {
        var definition = profiles.attributes(run.workspace()).stream().filter(a -> a.key().equals(attribute)).findFirst().orElse(null);
        if (definition == null) {
            return "не сделано: атрибут «" + attribute + "» не заведён (Покупатели → Атрибуты)";
        }
        var typed = value == null ? null : AttributeValues.typed(definition.type(), value);
        if (value != null && typed == null) {
            return "не сделано: «" + value + "» не подходит атрибуту типа " + definition.type();
        }
        if (customers.get(run.workspace(), run.customer()).erased()) {
            return "не сделано: данные покупателя удалены";
        }
        var change = new java.util.HashMap<String, Object>();
        change.put(attribute, typed);
        profiles.change(run.workspace(), run.customer(), new CustomerProfiles.Change(null, null, null, null, null, change));
        return "сделано";
    }

    @Override
    public String callWebhook(RunRef run, RunState state, Step.CallWebhook step, String key) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("journeyId", run.journeyId().toString());
        body.put("version", run.version());
        body.put("runId", run.id().toString());
        body.put("step", step.id());
        body.put("customerId", run.customer().value().toString());
        body.put("variant", state.variant());
        body.put("coupon", state.coupon() == null ? null : state.coupon().code());
        body.put("facts", Map.copyOf(state.facts()));
        return webhooks.post(run.workspace(), step.url(), key, body);
    }

    @Override
    public ZoneId zone(RunRef run) {
        var fallback = workspaces.find(run.workspace()).map(io.beseda.workspace.Workspace::timeZone).orElse(ZoneId.of("Europe/Moscow"));
        return customers.get(run.workspace(), run.customer()).timeZoneOr(fallback);
    }
}
