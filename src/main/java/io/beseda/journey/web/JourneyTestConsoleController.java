package io.beseda.journey.web;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.beseda.consent.Channel;
import io.beseda.customer.CustomerDirectory;
import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.journey.runtime.JourneyCatalog;
import io.beseda.journey.runtime.TestRuns;
import io.beseda.journey.runtime.TestScenario;
import io.beseda.journey.runtime.TimelineEntry;
import io.beseda.workspace.Actor;
import io.beseda.workspace.Workspaces;

/**
 * «Проверка»: the journey's draft run for one real customer on a virtual clock, with what would be sent, when, on
 * which channel, and why a step was skipped; scenario switches make a push undelivered or nothing read.
 */
@Controller
@RequestMapping("/journeys/{journeyId}/test")
class JourneyTestConsoleController {

    private final JourneyCatalog catalog;
    private final CustomerDirectory directory;
    private final Customers customers;
    private final TestRuns testRuns;
    private final Workspaces workspaces;

    JourneyTestConsoleController(JourneyCatalog catalog, CustomerDirectory directory, Customers customers, TestRuns testRuns,
                                 Workspaces workspaces) {
        this.workspaces = workspaces;
        this.catalog = catalog;
        this.directory = directory;
        this.customers = customers;
        this.testRuns = testRuns;
    }

    @GetMapping
    String page(Actor actor, @PathVariable UUID journeyId, @RequestParam(defaultValue = "") String q, Model model) {
        var journey = catalog.get(actor.workspaceId(), journeyId);
        JourneyPermissions.requireReader(actor);
        model.addAttribute("journey", journey);
        model.addAttribute("q", q);
        model.addAttribute("found", q.isBlank() ? List.of()
                : directory.search(actor.workspaceId(), new CustomerDirectory.Query(q, null, false, false, 0, 10)).customers());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("steps", catalog.draft(actor.workspaceId(), journeyId).definition().steps());
        return "journey/test";
    }

    @PostMapping
    String run(Actor actor, @PathVariable UUID journeyId, @RequestParam UUID customerId,
               @RequestParam(required = false) @Nullable List<Channel> undelivered,
               @RequestParam(defaultValue = "false") boolean nothingRead,
               @RequestParam(defaultValue = "") String purchaseAfterStep, @RequestParam(defaultValue = "") String startAt,
               Model model) {
        var journey = catalog.get(actor.workspaceId(), journeyId);
        JourneyPermissions.requireReader(actor);
        var customer = customers.get(actor.workspaceId(), new CustomerId(customerId));
        var failing = undelivered == null || undelivered.isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(undelivered);
        page(actor, journeyId, "", model);
        var zone = workspaces.find(actor.workspaceId()).orElseThrow().timeZone();
        java.time.Instant enters;
        try {
            enters = startAt.isBlank() ? null : java.time.LocalDateTime.parse(startAt).atZone(zone).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            enters = null;
            model.addAttribute("error", "Время входа пишите как 2026-11-24T21:30.");
        }
        var scenario = new TestScenario(failing, !nothingRead, purchaseAfterStep.isBlank() ? null : purchaseAfterStep, enters);
        model.addAttribute("startAt", startAt);
        model.addAttribute("customer", customer);
        model.addAttribute("undelivered", failing);
        model.addAttribute("nothingRead", nothingRead);
        model.addAttribute("purchaseAfterStep", purchaseAfterStep);
        try {
            var timeline = testRuns.simulate(actor.workspaceId(), journey.id(), customer.id(), scenario);
            var start = timeline.isEmpty() ? null : timeline.getFirst().at();
            model.addAttribute("timeline", timeline.stream().map(e -> new Row(offset(start, e.at()), e)).toList());
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
        }
        return "journey/test";
    }

    /** A moment of the timeline with how long after the start it comes. */
    record Row(String offset, TimelineEntry entry) {
    }

    /** «+2 ч 30 мин» from the start of the test run. */
    static String offset(java.time.@Nullable Instant start, java.time.Instant at) {
        if (start == null) {
            return "";
        }
        var since = Duration.between(start, at);
        return since.isNegative() || since.isZero() ? "0 мин" : "+" + DurationText.format(since);
    }
}
