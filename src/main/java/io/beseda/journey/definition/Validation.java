package io.beseda.journey.definition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.beseda.consent.Channel;

/**
 * What stops a journey from launching, in the marketer's words: steps that lead nowhere or are never reached,
 * loops, sends without a text for one of their channels, splits that do not add up to 100 %.
 */
public final class Validation {

    private Validation() {
    }

    public static List<String> problems(JourneyDefinition journey) {
        var problems = new ArrayList<String>();
        if (journey.steps().isEmpty()) {
            problems.add("В пути нет ни одного шага.");
            return problems;
        }
        var ids = new HashSet<String>();
        for (var step : journey.steps()) {
            if (!step.id().matches("[a-z0-9_-]{1,40}")) {
                problems.add("Код шага «" + step.id() + "»: латинские строчные буквы, цифры, - и _, до 40 знаков.");
            }
            if (!ids.add(step.id())) {
                problems.add("Код шага «" + step.id() + "» встречается дважды.");
            }
        }
        journey.steps().forEach(step -> problems.addAll(ofStep(journey, step, ids)));
        if (journey.steps().stream().noneMatch(s -> s instanceof Step.Send)) {
            problems.add("В пути нет ни одной отправки.");
        }
        if (problems.isEmpty()) {
            problems.addAll(shape(journey));
        }
        return problems;
    }

    private static List<String> ofStep(JourneyDefinition journey, Step step, Set<String> ids) {
        var problems = new ArrayList<String>();
        for (var target : targets(journey, step)) {
            if (target != null && !ids.contains(target)) {
                problems.add("Шаг «" + step.name() + "» ведёт в несуществующий шаг «" + target + "».");
            }
        }
        switch (step) {
            case Step.Send send -> {
                if (send.channels().isEmpty()) {
                    problems.add("В отправке «" + send.name() + "» не выбран канал.");
                }
                if (new HashSet<>(send.channels()).size() != send.channels().size()) {
                    problems.add("В отправке «" + send.name() + "» канал повторяется.");
                }
                for (Channel channel : send.channels()) {
                    if (!send.messages().containsKey(channel)) {
                        problems.add("В отправке «" + send.name() + "» нет текста для канала " + channel + ".");
                    }
                }
                if (send.readWithin() != null && !send.readWithin().isPositive()) {
                    problems.add("В отправке «" + send.name() + "» срок прочтения должен быть больше нуля.");
                }
            }
            case Step.Split split -> {
                if (split.variants().size() < 2) {
                    problems.add("В A/B-тесте «" + split.name() + "» нужно хотя бы два варианта.");
                }
                if (split.variants().stream().mapToInt(Variant::percent).sum() != 100) {
                    problems.add("Доли вариантов в A/B-тесте «" + split.name() + "» должны давать в сумме 100 %.");
                }
            }
            case Step.Branch branch -> {
                if (branch.conditions().isEmpty()) {
                    problems.add("В условии «" + branch.name() + "» нет ни одного правила.");
                }
            }
            case Step.Delay delay -> {
                if (!delay.duration().isPositive()) {
                    problems.add("Пауза «" + delay.name() + "» должна быть больше нуля.");
                }
            }
            case Step.WaitForEvent wait -> {
                if (!wait.timeout().isPositive() || wait.eventType().isBlank()) {
                    problems.add("Ожидание «" + wait.name() + "» называет событие и срок больше нуля.");
                }
            }
            case Step.CallWebhook webhook -> {
                var scheme = webhook.url().getScheme();
                if (scheme == null || !(scheme.equals("https") || scheme.equals("http")) || webhook.url().getHost() == null) {
                    problems.add("Вебхук «" + webhook.name() + "»: нужен адрес http(s)://…");
                }
            }
            default -> {
            }
        }
        return problems;
    }

    /** Every step is reached from the first, and no way through the journey comes back to a step it passed. */
    private static List<String> shape(JourneyDefinition journey) {
        var problems = new ArrayList<String>();
        var reached = new HashSet<String>();
        var onPath = new HashSet<String>();
        var loops = new HashSet<String>();
        walk(journey, journey.steps().getFirst(), reached, onPath, loops);
        for (var step : journey.steps()) {
            if (!reached.contains(step.id())) {
                problems.add("До шага «" + step.name() + "» нельзя дойти: ни один шаг в него не ведёт.");
            }
        }
        loops.forEach(id -> problems.add("Шаг «" + journey.step(id).map(Step::name).orElse(id) + "» ведёт по кругу."));
        return problems;
    }

    private static void walk(JourneyDefinition journey, Step step, Set<String> reached, Set<String> onPath, Set<String> loops) {
        if (onPath.contains(step.id())) {
            loops.add(step.id());
            return;
        }
        if (!reached.add(step.id()) && !onPath.isEmpty()) {
            return;
        }
        onPath.add(step.id());
        for (var target : successors(journey, step)) {
            walk(journey, target, reached, onPath, loops);
        }
        onPath.remove(step.id());
    }

    /** The steps this one can lead to (the end of the journey is not a step). */
    public static List<Step> successors(JourneyDefinition journey, Step step) {
        var next = new ArrayList<Step>();
        if (step instanceof Step.Exit) {
            return next;
        }
        for (var target : targets(journey, step)) {
            (target == null ? journey.after(step, null) : journey.step(target)).ifPresent(s -> {
                if (!next.contains(s)) {
                    next.add(s);
                }
            });
        }
        return next;
    }

    /** The named targets of a step; null stands for "the next in the list". */
    private static List<@Nullable String> targets(JourneyDefinition journey, Step step) {
        var targets = new ArrayList<@Nullable String>();
        switch (step) {
            case Step.Branch branch -> {
                targets.add(branch.then());
                targets.add(branch.otherwise());
            }
            case Step.Split split -> split.variants().stream().filter(v -> !v.control()).forEach(v -> targets.add(v.next()));
            case Step.WaitForEvent wait -> {
                targets.add(wait.next());
                targets.add(wait.onTimeout());
            }
            case Step.Exit exit -> {
            }
            default -> targets.add(step.next());
        }
        return targets;
    }
}
