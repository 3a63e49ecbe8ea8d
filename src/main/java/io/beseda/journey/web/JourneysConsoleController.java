package io.beseda.journey.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.beseda.consent.Channel;
import io.beseda.consent.MessageCategory;
import io.beseda.journey.definition.EntryRule;
import io.beseda.journey.definition.Goal;
import io.beseda.journey.definition.JourneyDefinition;
import io.beseda.journey.definition.ShippedJourneys;
import io.beseda.journey.definition.Step;
import io.beseda.journey.definition.Trigger;
import io.beseda.journey.runtime.JourneyCatalog;
import io.beseda.journey.runtime.JourneyJson;
import io.beseda.journey.runtime.JourneyProblems;
import io.beseda.workspace.Actor;

/** «Сценарии»: the list with live counts, new journeys (blank or from a shipped template) and the builder. */
@Controller
@RequestMapping("/journeys")
class JourneysConsoleController {

    static final Duration RECENT = Duration.ofDays(7);

    private final JourneyCatalog catalog;
    private final JourneyStats stats;
    private final JourneyBuilder builder;
    private final JourneyJson json;
    private final Clock clock;

    JourneysConsoleController(JourneyCatalog catalog, JourneyStats stats, JourneyBuilder builder, JourneyJson json, Clock clock) {
        this.catalog = catalog;
        this.stats = stats;
        this.builder = builder;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping
    String list(Actor actor, Model model) {
        JourneyPermissions.requireReader(actor);
        model.addAttribute("journeys", catalog.list(actor.workspaceId()));
        model.addAttribute("counts", stats.counts(actor.workspaceId(), clock.instant().minus(RECENT)));
        model.addAttribute("canEdit", JourneyPermissions.canEdit(actor));
        return "journey/list";
    }

    @PostMapping
    String create(Actor actor, @RequestParam(defaultValue = "") String template) {
        JourneyPermissions.requireEditor(actor);
        var created = switch (template) {
            case ShippedJourneys.ABANDONED_CART -> catalog.create(actor, "Брошенная корзина",
                    ShippedJourneys.abandonedCart(ShippedJourneys.CartPace.REAL), null);
            case ShippedJourneys.ORDER_STATUS -> catalog.create(actor, "Статус заказа", ShippedJourneys.orderStatus(), null);
            default -> catalog.create(actor, "Новый путь", blank(), null);
        };
        return "redirect:/journeys/" + created.id();
    }

    /** A new journey to fill in: an abandoned-cart trigger and one send without a text yet. */
    static JourneyDefinition blank() {
        var send = new Step.Send("send-1", "Первое сообщение", List.of(Channel.PUSH), Map.of(), false, null, null);
        return new JourneyDefinition(new Trigger.CartAbandoned(Duration.ofMinutes(30)), List.of(send),
                new Goal("order_placed", Duration.ofDays(3)), EntryRule.oncePer(Duration.ofDays(7)), MessageCategory.MARKETING,
                3, Duration.ofDays(1), Duration.ofMinutes(10));
    }

    @GetMapping("/{journeyId}")
    String edit(Actor actor, @PathVariable UUID journeyId, Model model) {
        JourneyPermissions.requireReader(actor);
        var form = builder.stored(actor, journeyId);
        return builder.page(actor, catalog.get(actor.workspaceId(), journeyId), form, model);
    }

    /**
     * The builder's one form: {@code action=save} saves the draft; {@code add:<type>}, {@code remove:<n>}, {@code up:<n>}
     * and {@code down:<n>} reshape the step list and show it again, unsaved.
     */
    @PostMapping("/{journeyId}")
    String save(Actor actor, @PathVariable UUID journeyId, @RequestParam Map<String, String> posted,
                @RequestParam(defaultValue = "save") String action, Model model, RedirectAttributes redirect) {
        var journey = catalog.get(actor.workspaceId(), journeyId);
        JourneyPermissions.requireEditor(actor);
        var form = read(posted);
        if (!action.equals("save")) {
            form.apply(action);
            model.addAttribute("unsaved", true);
            return builder.page(actor, journey, form, model);
        }
        try {
            catalog.saveDraft(actor, journeyId, form.name(), form.toDefinition());
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
            return builder.page(actor, journey, form, model);
        } catch (JourneyProblems e) {
            model.addAttribute("error", String.join(" ", e.problems()));
            return builder.page(actor, journey, form, model);
        }
        redirect.addFlashAttribute("notice", "journey.saved");
        return "redirect:/journeys/" + journeyId;
    }

    /** What keeps the form as it stands from launching, for the builder to show while the marketer types. */
    @PostMapping("/{journeyId}/check")
    String check(Actor actor, @PathVariable UUID journeyId, @RequestParam Map<String, String> posted, Model model) {
        model.addAttribute("journey", catalog.get(actor.workspaceId(), journeyId));
        JourneyPermissions.requireEditor(actor);
        model.addAttribute("canEdit", true);
        model.addAttribute("problems", builder.problems(read(posted)));
        return "journey/builder :: problems";
    }

    private static JourneyForm read(Map<String, String> posted) {
        try {
            return JourneyForm.read(posted);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage(), e);
        }
    }

    /** The advanced view: the draft as JSON, edited as a whole. */
    @PostMapping("/{journeyId}/json")
    String saveJson(Actor actor, @PathVariable UUID journeyId, @RequestParam(defaultValue = "") String definition, Model model,
                    RedirectAttributes redirect) {
        var journey = catalog.get(actor.workspaceId(), journeyId);
        JourneyPermissions.requireEditor(actor);
        try {
            catalog.saveDraft(actor, journeyId, journey.name(), json.read(definition));
        } catch (IllegalArgumentException e) {
            model.addAttribute("jsonError", e.getMessage());
            model.addAttribute("json", definition);
            return builder.page(actor, journey, builder.stored(actor, journeyId), model);
        }
        redirect.addFlashAttribute("notice", "journey.saved");
        return "redirect:/journeys/" + journeyId;
    }
}
