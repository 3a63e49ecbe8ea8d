package io.beseda.journey.web;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.customer.CustomerId;
import io.beseda.journey.definition.JourneyDefinition;
import io.beseda.journey.definition.Trigger;
import io.beseda.journey.runtime.JourneyEntries;
import io.beseda.journey.runtime.TestRuns;
import io.beseda.journey.runtime.TestScenario;
import io.beseda.journey.runtime.JourneyCatalog;
import io.beseda.journey.runtime.JourneyJson;
import io.beseda.journey.runtime.JourneyProblems;
import io.beseda.journey.runtime.JourneySummary;
import io.beseda.journey.web.JourneyApiViews.EntryRequest;
import io.beseda.journey.web.JourneyApiViews.EntryView;
import io.beseda.journey.web.JourneyApiViews.JourneyListItem;
import io.beseda.journey.web.JourneyApiViews.JourneyRequest;
import io.beseda.journey.web.JourneyApiViews.JourneyView;
import io.beseda.journey.web.JourneyApiViews.TestRunRequest;
import io.beseda.journey.web.JourneyApiViews.TestRunView;
import io.beseda.journey.web.JourneyApiViews.StatsView;
import io.beseda.journey.web.JourneyApiViews.VersionView;
import io.beseda.shared.Problems;
import io.beseda.shared.RuleViolationException;
import io.beseda.workspace.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/journeys")
@Tag(name = "Journeys", description = "Customer journeys: drafts, versions, launch, statistics")
class JourneysApiController {

    private final JourneyCatalog catalog;
    private final JourneyJson journeyJson;
    private final JourneyBuilder builder;
    private final JourneyStats stats;
    private final TemplateChecks templates;
    private final JsonMapper json;
    private final JourneyEntries entries;
    private final TestRuns testRuns;
    private final Clock clock;

    JourneysApiController(JourneyCatalog catalog, JourneyJson journeyJson, JourneyBuilder builder, JourneyStats stats,
                          TemplateChecks templates, JourneyEntries entries, TestRuns testRuns, JsonMapper json,
                          Clock clock) {
        this.entries = entries;
        this.testRuns = testRuns;
        this.catalog = catalog;
        this.journeyJson = journeyJson;
        this.builder = builder;
        this.stats = stats;
        this.templates = templates;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "The workspace's journeys (archived ones left out) with customers inside and the last 7 days' figures")
    List<JourneyListItem> list(Actor actor) {
        var counts = stats.counts(actor.workspaceId(), clock.instant().minus(JourneysConsoleController.RECENT));
        return catalog.list(actor.workspaceId()).stream()
                .map(j -> JourneyListItem.of(j, counts.getOrDefault(j.id(), JourneyStats.Counts.NONE))).toList();
    }

    @PostMapping
    @Operation(summary = "Create a journey as a draft; a definition that cannot be read is a 400 with its problems")
    ResponseEntity<JourneyView> create(Actor actor, @Valid @RequestBody JourneyRequest request) {
        var created = catalog.create(actor, request.name(), read(request), null);
        return ResponseEntity.created(URI.create("/api/v1/journeys/" + created.id())).body(view(actor, created));
    }

    @GetMapping("/{journeyId}")
    @Operation(summary = "One journey with its draft definition, what keeps the draft from launching, and its versions")
    JourneyView get(Actor actor, @PathVariable UUID journeyId) {
        return view(actor, catalog.get(actor.workspaceId(), journeyId));
    }

    @PutMapping("/{journeyId}")
    @Operation(summary = "Save the draft (of a launched journey: a new version, launched only on request)")
    JourneyView update(Actor actor, @PathVariable UUID journeyId, @Valid @RequestBody JourneyRequest request) {
        catalog.get(actor.workspaceId(), journeyId);
        return view(actor, catalog.saveDraft(actor, journeyId, request.name(), read(request)));
    }

    @PostMapping("/{journeyId}/launch")
    @Operation(summary = "Launch the draft; moveInside=true moves customers inside older versions onto it. Problems: 400")
    JourneyView launch(Actor actor, @PathVariable UUID journeyId, @RequestParam(defaultValue = "false") boolean moveInside) {
        var draft = catalog.draft(actor.workspaceId(), journeyId).definition();
        return view(actor, catalog.launch(actor, journeyId, moveInside, templates.problems(draft)));
    }

    @PostMapping("/{journeyId}/pause")
    @Operation(summary = "Pause: nobody new enters; customers inside go on")
    JourneyView pause(Actor actor, @PathVariable UUID journeyId) {
        return view(actor, catalog.pause(actor, journeyId));
    }

    @PostMapping("/{journeyId}/resume")
    @Operation(summary = "Take customers again (a journey never launched: 400)")
    JourneyView resume(Actor actor, @PathVariable UUID journeyId) {
        return view(actor, catalog.resume(actor, journeyId));
    }

    @DeleteMapping("/{journeyId}")
    @Operation(summary = "Archive: out of the list, nobody enters, customers inside leave at their next step")
    ResponseEntity<Void> archive(Actor actor, @PathVariable UUID journeyId) {
        catalog.archive(actor, journeyId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{journeyId}/stats")
    @Operation(summary = "Per-step figures and A/B results of one version (the live one by default)")
    StatsView stats(Actor actor, @PathVariable UUID journeyId, @RequestParam(required = false) @Nullable Integer version) {
        var journey = catalog.get(actor.workspaceId(), journeyId);
        var shown = version != null ? version : journey.liveVersion() != null ? journey.liveVersion() : journey.draftVersion();
        var definition = catalog.version(actor.workspaceId(), journeyId, shown).definition();
        return StatsView.of(shown, stats.of(actor.workspaceId(), journeyId, shown, definition));
    }

    @PostMapping("/{journeyId}/test-runs")
    @Operation(summary = "Run the draft for one customer on a virtual clock: what would be sent, when, on which channel, "
            + "and why steps were skipped; nothing is sent or stored")
    TestRunView testRun(Actor actor, @PathVariable UUID journeyId, @Valid @RequestBody TestRunRequest request) {
        catalog.get(actor.workspaceId(), journeyId);
        var scenario = new TestScenario(request.undelivered() == null ? Set.of() : request.undelivered(),
                request.readEverything() == null || request.readEverything(), request.purchaseAfterStep(), request.startAt());
        try {
            return new TestRunView(testRuns.simulate(actor.workspaceId(), journeyId, new CustomerId(request.customerId()), scenario));
        } catch (IllegalArgumentException e) {
            throw new JourneyProblems(List.of(e.getMessage()));
        }
    }

    @PostMapping("/{journeyId}/entries")
    @Operation(summary = "Enter a customer into a live journey with the API trigger: 201 with the run, or 200 entered=false "
            + "when the entry rule keeps them out; a journey not live or with another trigger: 409")
    ResponseEntity<EntryView> enter(Actor actor, @PathVariable UUID journeyId, @Valid @RequestBody EntryRequest request) {
        var journey = catalog.get(actor.workspaceId(), journeyId);
        if (journey.status() != JourneySummary.Status.ACTIVE) {
            throw new RuleViolationException("journey.not-live", "The journey is not live: launch or resume it first.");
        }
        if (!(catalog.version(actor.workspaceId(), journeyId, journey.liveVersion()).definition().trigger() instanceof Trigger.ApiCall)) {
            throw new RuleViolationException("journey.not-api", "The journey starts on its own trigger, not on an API call.");
        }
        var run = entries.enterByApi(actor.workspaceId(), journeyId, new CustomerId(request.customerId()),
                request.facts() == null ? Map.of() : request.facts());
        return run.map(id -> ResponseEntity.status(HttpStatus.CREATED).body(new EntryView(true, id)))
                .orElseGet(() -> ResponseEntity.ok(new EntryView(false, null)));
    }

    private JourneyDefinition read(JourneyRequest request) {
        try {
            return journeyJson.read(json.writeValueAsString(request.definition()));
        } catch (IllegalArgumentException e) {
            throw new JourneyProblems(List.of(e.getMessage()));
        }
    }

    private JourneyView view(Actor actor, JourneySummary journey) {
        var draft = catalog.draft(actor.workspaceId(), journey.id()).definition();
        return new JourneyView(journey.id(), journey.name(), journey.status(), journey.draftVersion(), journey.liveVersion(),
                journey.updatedAt(), json.readTree(journeyJson.write(draft)), builder.problems(draft),
                catalog.versions(actor.workspaceId(), journey.id()).stream().map(VersionView::of).toList());
    }

    /** A definition that cannot be read, a name out of bounds or a draft that cannot launch: 400 with every problem. */
    @ExceptionHandler(JourneyProblems.class)
    ProblemDetail problems(JourneyProblems e) {
        var problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid journey", String.join(" ", e.problems()));
        problem.setProperty("problems", e.problems());
        return problem;
    }
}
