package io.beseda.journey.web;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.beseda.consent.Channel;
import io.beseda.journey.definition.Condition;
import io.beseda.journey.definition.CouponTerms;
import io.beseda.journey.definition.Message;
import io.beseda.journey.definition.Step;
import io.beseda.journey.definition.Variant;

/**
 * One step of the builder's form, its fields as typed ({@code id}, {@code name}, {@code next} and the fields of its
 * kind: {@code m.SMS.body}, {@code cond.0.field}, {@code var.1.percent}…), and its way to and from a {@link Step}.
 */
record StepForm(String type, Map<String, String> fields) {

    static final List<String> TYPES = List.of("send", "delay", "wait_until_time", "wait_for_event", "branch", "split",
            "set_attribute", "coupon", "webhook", "exit");

    record ConditionRow(int index, String field, String operator, String value) {
    }

    record VariantRow(int index, String name, String percent, String next) {
    }

    record ChannelText(String channel, String subject, String body, String buttons) {
    }

    StepForm {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("Нет такого шага: «" + type + "».");
        }
        fields = new LinkedHashMap<>(fields);
    }

    public String get(String key) {
        return fields.getOrDefault(key, "");
    }

    public String id() {
        return get("id").strip();
    }

    /** The conditions typed so far and one empty row to add another. */
    public List<ConditionRow> conditions() {
        return conditionRows(fields, "cond.");
    }

    static List<ConditionRow> conditionRows(Map<String, String> fields, String prefix) {
        var rows = new ArrayList<ConditionRow>();
        for (var index : FormFields.indices(fields, prefix)) {
            var p = prefix + index + ".";
            rows.add(new ConditionRow(rows.size(), fields.getOrDefault(p + "field", ""),
                    fields.getOrDefault(p + "op", "EQUALS"), fields.getOrDefault(p + "value", "")));
        }
        rows.removeIf(r -> r.field().isBlank() && r.value().isBlank());
        rows.add(new ConditionRow(rows.size(), "", "EQUALS", ""));
        return renumber(rows);
    }

    private static List<ConditionRow> renumber(List<ConditionRow> rows) {
        var numbered = new ArrayList<ConditionRow>();
        rows.forEach(r -> numbered.add(new ConditionRow(numbered.size(), r.field(), r.operator(), r.value())));
        return numbered;
    }

    /** The variants typed so far and one empty row to add another. */
    public List<VariantRow> variants() {
        var rows = new ArrayList<VariantRow>();
        for (var index : FormFields.indices(fields, "var.")) {
            var p = "var." + index + ".";
            var row = new VariantRow(rows.size(), get(p + "name"), get(p + "percent"), get(p + "next"));
            if (!row.name().isBlank() || !row.percent().isBlank()) {
                rows.add(row);
            }
        }
        rows.add(new VariantRow(rows.size(), "", "", ""));
        return rows;
    }

    /** The channels in the order typed, each with its texts (unknown names are left for {@link #toStep} to refuse). */
    public List<ChannelText> texts() {
        return channelNames().stream().filter(StepForm::isChannel).map(c -> new ChannelText(c, get("m." + c + ".subject"),
                get("m." + c + ".body"), get("m." + c + ".buttons"))).toList();
    }

    private List<String> channelNames() {
        return Arrays.stream(get("channels").split("[,;\\s→>]+")).map(s -> s.strip().toUpperCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static boolean isChannel(String name) {
        return Arrays.stream(Channel.values()).anyMatch(c -> c.name().equals(name));
    }

    Step toStep() {
        try {
            return build();
        } catch (IllegalArgumentException e) {
            var label = get("name").isBlank() ? id() : get("name").strip();
            throw new IllegalArgumentException("Шаг «" + label + "»: " + e.getMessage(), e);
        }
    }

    private Step build() {
        var id = id();
        var name = get("name").strip();
        var next = target("next");
        return switch (type) {
            case "send" -> send(id, name, next);
            case "delay" -> new Step.Delay(id, name, duration("duration"), next);
            case "wait_until_time" -> new Step.WaitUntilTime(id, name, time(), next);
            case "wait_for_event" -> new Step.WaitForEvent(id, name, get("event").strip(), duration("timeout"), target("onTimeout"), next);
            case "branch" -> new Step.Branch(id, name, conditionsOf(fields, "cond."), target("then"), target("otherwise"));
            case "split" -> new Step.Split(id, name, variantsOf());
            case "set_attribute" -> new Step.SetAttribute(id, name, required("attribute", "укажите атрибут"), blankToNull(get("value")), next);
            case "coupon" -> new Step.IssueCoupon(id, name, coupon(), next);
            case "webhook" -> new Step.CallWebhook(id, name, url(), next);
            default -> new Step.Exit(id, name);
        };
    }

    private Step.Send send(String id, String name, @Nullable String next) {
        var channels = new ArrayList<Channel>();
        for (var channel : channelNames()) {
            if (!isChannel(channel)) {
                throw new IllegalArgumentException("нет канала «" + channel + "»; каналы: "
                        + String.join(", ", Arrays.stream(Channel.values()).map(Channel::name).toList()) + ".");
            }
            channels.add(Channel.valueOf(channel));
        }
        var messages = new LinkedHashMap<Channel, Message>();
        for (var text : texts()) {
            // A channel without a text stays out of the map: the draft saves, and the builder lists the missing text.
            if (!text.body().isBlank()) {
                var buttons = text.buttons().lines().map(String::strip).filter(b -> !b.isEmpty()).toList();
                if (buttons.size() > 10 || buttons.stream().anyMatch(b -> b.length() > 40)) {
                    throw new IllegalArgumentException("в канале " + text.channel() + " — до 10 кнопок по 40 знаков.");
                }
                messages.put(Channel.valueOf(text.channel()), new Message(blankToNull(text.subject()), text.body(), buttons));
            }
        }
        var readWithin = DurationText.parse(get("readWithin"));
        return new Step.Send(id, name, channels, messages, isOn(get("best")), readWithin, next);
    }

    private CouponTerms coupon() {
        var prefix = get("prefix").strip();
        var discount = get("discount").strip();
        var validFor = duration("validFor");
        if (!prefix.matches("[A-Z0-9]{0,12}")) {
            throw new IllegalArgumentException("префикс купона — до 12 заглавных латинских букв или цифр, например CART.");
        }
        if (discount.isEmpty() || !validFor.isPositive()) {
            throw new IllegalArgumentException("у купона нужны скидка («10 %», «500 ₽») и срок действия («3 д»).");
        }
        return new CouponTerms(prefix, discount, validFor);
    }

    static List<Condition> conditionsOf(Map<String, String> fields, String prefix) {
        var conditions = new ArrayList<Condition>();
        for (var row : conditionRows(fields, prefix)) {
            if (!row.field().isBlank()) {
                Condition.Operator operator;
                try {
                    operator = Condition.Operator.valueOf(row.operator());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("нет такого сравнения: «" + row.operator() + "».", e);
                }
                var value = blankToNull(row.value());
                if (value == null && operator != Condition.Operator.IS_SET && operator != Condition.Operator.NOT_SET) {
                    throw new IllegalArgumentException("у условия на «" + row.field().strip() + "» нет значения.");
                }
                conditions.add(new Condition(row.field().strip(), operator, value));
            }
        }
        return conditions;
    }

    private List<Variant> variantsOf() {
        var variants = new ArrayList<Variant>();
        for (var row : variants()) {
            if (row.name().isBlank() && row.percent().isBlank()) {
                continue;
            }
            int percent;
            try {
                percent = Integer.parseInt(row.percent().strip().replace("%", "").strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("доля варианта «" + row.name() + "» — целое число процентов.", e);
            }
            if (row.name().isBlank() || percent < 0 || percent > 100) {
                throw new IllegalArgumentException("у варианта нужны название и доля от 0 до 100 %.");
            }
            variants.add(new Variant(row.name().strip(), percent, blankToNull(row.next())));
        }
        return variants;
    }

    private Duration duration(String key) {
        var parsed = DurationText.parse(get(key));
        return parsed == null ? Duration.ZERO : parsed;
    }

    private LocalTime time() {
        try {
            return LocalTime.parse(required("time", "укажите время, например 09:00").replace('.', ':'));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("время пишите как 09:00.", e);
        }
    }

    private URI url() {
        var url = required("url", "укажите адрес вебхука");
        try {
            return new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("адрес вебхука не читается: " + url, e);
        }
    }

    private String required(String key, String problem) {
        var value = get(key).strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException(problem + ".");
        }
        return value;
    }

    private @Nullable String target(String key) {
        return blankToNull(get(key));
    }

    static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static boolean isOn(String value) {
        return value.equals("on") || value.equals("true");
    }

    /** The form of a saved step. */
    static StepForm of(Step step) {
        var f = new LinkedHashMap<String, String>();
        f.put("id", step.id());
        f.put("name", step.name());
        f.put("next", orEmpty(step.next()));
        var type = switch (step) {
            case Step.Send send -> {
                f.put("channels", String.join(", ", send.channels().stream().map(Channel::name).toList()));
                f.put("best", String.valueOf(send.bestChannel()));
                f.put("readWithin", DurationText.format(send.readWithin()));
                send.messages().forEach((channel, message) -> {
                    f.put("m." + channel + ".subject", orEmpty(message.subject()));
                    f.put("m." + channel + ".body", message.body());
                    f.put("m." + channel + ".buttons", String.join("\n", message.buttons()));
                });
                yield "send";
            }
            case Step.Delay delay -> {
                f.put("duration", DurationText.format(delay.duration()));
                yield "delay";
            }
            case Step.WaitUntilTime wait -> {
                f.put("time", wait.time().toString());
                yield "wait_until_time";
            }
            case Step.WaitForEvent wait -> {
                f.put("event", wait.eventType());
                f.put("timeout", DurationText.format(wait.timeout()));
                f.put("onTimeout", orEmpty(wait.onTimeout()));
                yield "wait_for_event";
            }
            case Step.Branch branch -> {
                putConditions(f, "cond.", branch.conditions());
                f.put("then", orEmpty(branch.then()));
                f.put("otherwise", orEmpty(branch.otherwise()));
                yield "branch";
            }
            case Step.Split split -> {
                for (var i = 0; i < split.variants().size(); i++) {
                    var variant = split.variants().get(i);
                    f.put("var." + i + ".name", variant.name());
                    f.put("var." + i + ".percent", String.valueOf(variant.percent()));
                    f.put("var." + i + ".next", orEmpty(variant.next()));
                }
                yield "split";
            }
            case Step.SetAttribute set -> {
                f.put("attribute", set.attribute());
                f.put("value", orEmpty(set.value()));
                yield "set_attribute";
            }
            case Step.IssueCoupon coupon -> {
                f.put("prefix", coupon.terms().prefix());
                f.put("discount", coupon.terms().discount());
                f.put("validFor", DurationText.format(coupon.terms().validFor()));
                yield "coupon";
            }
            case Step.CallWebhook webhook -> {
                f.put("url", webhook.url().toString());
                yield "webhook";
            }
            case Step.Exit exit -> "exit";
        };
        return new StepForm(type, f);
    }

    static void putConditions(Map<String, String> f, String prefix, List<Condition> conditions) {
        for (var i = 0; i < conditions.size(); i++) {
            var condition = conditions.get(i);
            f.put(prefix + i + ".field", condition.field());
            f.put(prefix + i + ".op", condition.operator().name());
            f.put(prefix + i + ".value", orEmpty(condition.value()));
        }
    }

    static String orEmpty(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }
}
