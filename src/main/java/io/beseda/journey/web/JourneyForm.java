package io.beseda.journey.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.beseda.consent.MessageCategory;
import io.beseda.journey.definition.EntryRule;
import io.beseda.journey.definition.Goal;
import io.beseda.journey.definition.JourneyDefinition;
import io.beseda.journey.definition.Trigger;

/**
 * The builder's form as the marketer typed it: the journey's own fields ({@code trigger.type}, {@code goal.event},
 * {@code entry.kind}, {@code cap}…) and its steps, posted as {@code s<n>.<field>}. A form that cannot become a
 * definition is shown back unchanged with the reason.
 */
final class JourneyForm {

    static final List<String> TRIGGERS = List.of("cart_abandoned", "order_status_changed", "event", "segment_entered", "api");
    private static final Map<String, String> NEW_STEP_NAMES = Map.of("send", "Отправка", "delay", "Пауза",
            "wait_until_time", "Ждать до времени", "wait_for_event", "Ждать событие", "branch", "Условие",
            "split", "A/B-тест", "set_attribute", "Записать атрибут", "coupon", "Купон", "webhook", "Вебхук", "exit", "Выход");

    private final Map<String, String> fields;
    private final List<StepForm> steps;

    private JourneyForm(Map<String, String> fields, List<StepForm> steps) {
        this.fields = new LinkedHashMap<>(fields);
        this.steps = new ArrayList<>(steps);
    }

    public Map<String, String> getFields() {
        return fields;
    }

    public List<StepForm> getSteps() {
        return steps;
    }

    public String name() {
        return fields.getOrDefault("name", "");
    }

    /** The trigger's event conditions and one empty row. */
    public List<StepForm.ConditionRow> triggerConditions() {
        return StepForm.conditionRows(fields, "trigger.cond.");
    }

    /** From the posted fields; a step's fields come as {@code s<n>.<field>}, in the order of n. */
    static JourneyForm read(Map<String, String> posted) {
        var own = new LinkedHashMap<String, String>();
        posted.forEach((key, value) -> {
            if (!key.matches("s\\d+\\..*") && !key.equals("_csrf") && !key.equals("action")) {
                own.put(key, value);
            }
        });
        var steps = new ArrayList<StepForm>();
        for (var index : FormFields.indices(posted, "s")) {
            var prefix = "s" + index + ".";
            var stepFields = new LinkedHashMap<String, String>();
            posted.forEach((key, value) -> {
                if (key.startsWith(prefix)) {
                    stepFields.put(key.substring(prefix.length()), value);
                }
            });
            steps.add(new StepForm(stepFields.getOrDefault("type", "exit"), stepFields));
        }
        return new JourneyForm(own, steps);
    }

    static JourneyForm of(String name, JourneyDefinition definition) {
        var f = new LinkedHashMap<String, String>();
        f.put("name", name);
        switch (definition.trigger()) {
            case Trigger.CartAbandoned cart -> {
                f.put("trigger.type", "cart_abandoned");
                f.put("trigger.idle", DurationText.format(cart.idle()));
            }
            case Trigger.OrderStatusChanged order -> {
                f.put("trigger.type", "order_status_changed");
                f.put("trigger.statuses", String.join(", ", order.statuses()));
            }
            case Trigger.EventOccurred event -> {
                f.put("trigger.type", "event");
                f.put("trigger.event", event.eventType());
                StepForm.putConditions(f, "trigger.cond.", event.conditions());
            }
            case Trigger.SegmentEntered segment -> {
                f.put("trigger.type", "segment_entered");
                f.put("trigger.segment", segment.segmentId().toString());
            }
            case Trigger.ApiCall api -> f.put("trigger.type", "api");
        }
        if (definition.goal() != null) {
            f.put("goal.event", definition.goal().event());
            f.put("goal.window", DurationText.format(definition.goal().window()));
        }
        f.put("entry.kind", definition.entry().kind().name());
        f.put("entry.period", DurationText.format(definition.entry().period()));
        f.put("category", definition.category().name());
        f.put("cap", String.valueOf(definition.messageCap()));
        f.put("capPeriod", DurationText.format(definition.capPeriod()));
        f.put("activeQuiet", definition.activeQuietFor().isZero() ? "" : DurationText.format(definition.activeQuietFor()));
        return new JourneyForm(f, definition.steps().stream().map(StepForm::of).toList());
    }

    /**
     * @throws IllegalArgumentException saying, in Russian, which part cannot be read
     */
    JourneyDefinition toDefinition() {
        var steps = this.steps.stream().map(StepForm::toStep).toList();
        var trigger = part("Запуск", this::trigger);
        var goal = goal();
        var entry = entry();
        var cap = cap();
        var capPeriod = orZero(part("Лимит", () -> DurationText.parse(get("capPeriod"))));
        if (cap < 1 || !capPeriod.isPositive()) {
            throw new IllegalArgumentException("Лимит: не меньше одного сообщения за срок больше нуля, например 3 за «1 д».");
        }
        var activeQuiet = orZero(part("Не беспокоить", () -> DurationText.parse(get("activeQuiet"))));
        return new JourneyDefinition(trigger, steps, goal, entry, category(), cap, capPeriod, activeQuiet);
    }

    private Trigger trigger() {
        return switch (get("trigger.type")) {
            case "cart_abandoned" -> {
                var idle = orZero(DurationText.parse(get("trigger.idle")));
                if (idle.compareTo(Duration.ofMinutes(1)) < 0 || idle.compareTo(Duration.ofDays(7)) > 0) {
                    throw new IllegalArgumentException("тишина после изменения корзины — от минуты до 7 дней, например «30 мин».");
                }
                yield new Trigger.CartAbandoned(idle);
            }
            case "order_status_changed" -> new Trigger.OrderStatusChanged(Arrays.stream(get("trigger.statuses").split("[,;\\s]+"))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList());
            case "event" -> {
                if (get("trigger.event").isBlank()) {
                    throw new IllegalArgumentException("назовите событие, например product_viewed.");
                }
                yield new Trigger.EventOccurred(get("trigger.event").strip(), StepForm.conditionsOf(fields, "trigger.cond."));
            }
            case "segment_entered" -> new Trigger.SegmentEntered(segment());
            case "api" -> new Trigger.ApiCall();
            default -> throw new IllegalArgumentException("выберите, что запускает путь.");
        };
    }

    private UUID segment() {
        try {
            return UUID.fromString(get("trigger.segment").strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("выберите сегмент.", e);
        }
    }

    private @Nullable Goal goal() {
        var event = get("goal.event").strip();
        if (event.isEmpty()) {
            return null;
        }
        var window = orZero(part("Цель", () -> DurationText.parse(get("goal.window"))));
        if (!window.isPositive()) {
            throw new IllegalArgumentException("Цель: укажите окно атрибуции, например «3 д».");
        }
        return new Goal(event, window);
    }

    private EntryRule entry() {
        var kind = switch (get("entry.kind")) {
            case "ONCE_PER_PERIOD" -> EntryRule.Kind.ONCE_PER_PERIOD;
            case "EVERY_TIME" -> EntryRule.Kind.EVERY_TIME;
            default -> EntryRule.Kind.ONCE;
        };
        if (kind != EntryRule.Kind.ONCE_PER_PERIOD) {
            return new EntryRule(kind, null);
        }
        var period = orZero(part("Повторный вход", () -> DurationText.parse(get("entry.period"))));
        if (!period.isPositive()) {
            throw new IllegalArgumentException("Повторный вход: укажите срок, например «7 д».");
        }
        return EntryRule.oncePer(period);
    }

    private MessageCategory category() {
        return get("category").equals("SERVICE") ? MessageCategory.SERVICE : MessageCategory.MARKETING;
    }

    private int cap() {
        try {
            return Integer.parseInt(get("cap").strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Лимит: число сообщений — целое число от 1, например 3.", e);
        }
    }

    private static Duration orZero(@Nullable Duration duration) {
        return duration == null ? Duration.ZERO : duration;
    }

    private String get(String key) {
        return fields.getOrDefault(key, "");
    }

    private static <T extends @Nullable Object> T part(String part, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(part + ": " + e.getMessage(), e);
        }
    }

    /**
     * Changes the form's shape without saving: {@code add:<type>}, {@code remove:<n>}, {@code up:<n>}, {@code down:<n>}.
     * Anything else is left alone.
     */
    void apply(String action) {
        var colon = action.indexOf(':');
        if (colon < 0) {
            return;
        }
        var verb = action.substring(0, colon);
        var argument = action.substring(colon + 1);
        if (verb.equals("add") && StepForm.TYPES.contains(argument)) {
            var step = new LinkedHashMap<String, String>();
            step.put("id", freeId(argument));
            step.put("name", NEW_STEP_NAMES.get(argument));
            steps.add(new StepForm(argument, step));
            return;
        }
        int index;
        try {
            index = Integer.parseInt(argument);
        } catch (NumberFormatException e) {
            return;
        }
        if (index < 0 || index >= steps.size()) {
            return;
        }
        switch (verb) {
            case "remove" -> steps.remove(index);
            case "up" -> {
                if (index > 0) {
                    Collections.swap(steps, index, index - 1);
                }
            }
            case "down" -> {
                if (index + 1 < steps.size()) {
                    Collections.swap(steps, index, index + 1);
                }
            }
            default -> {
            }
        }
    }

    private String freeId(String type) {
        var taken = new HashSet<String>();
        steps.forEach(s -> taken.add(s.id()));
        var base = type.replace('_', '-').toLowerCase(Locale.ROOT);
        for (var n = 1; ; n++) {
            if (!taken.contains(base + "-" + n)) {
                return base + "-" + n;
            }
        }
    }

    /** What the step list names its steps by, for the selects of where a step leads. */
    public List<Map.Entry<String, String>> targets() {
        return steps.stream().map(s -> Map.entry(s.id(), s.get("name").isBlank() ? s.id() : s.get("name"))).toList();
    }

    /** A step leads to {@code id}, which is no step of the form (kept, so the builder shows it and Validation names it). */
    public boolean dangling(String id) {
        return !id.isBlank() && steps.stream().noneMatch(s -> s.id().equals(id.strip()));
    }
}
