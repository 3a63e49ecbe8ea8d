package io.beseda.journey.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import io.beseda.consent.Channel;
import io.beseda.journey.runtime.JourneySummary;
import io.beseda.journey.runtime.TimelineEntry;
import io.beseda.journey.runtime.JourneyVersion;
import tools.jackson.databind.JsonNode;

/** What the journeys API reads and writes. */
final class JourneyApiViews {

    private JourneyApiViews() {
    }

    /** A new journey or a new draft: its name and its definition, in the JSON form of docs/journeys/console.md. */
    record JourneyRequest(@NotBlank @Size(max = 120) String name, @NotNull JsonNode definition) {
    }

    /**
     * A test run of the draft for one customer: channels whose messages do not arrive, whether the customer reads
     * what arrives (default yes), a purchase right after a step's message, and the virtual moment of entering.
     */
    record TestRunRequest(@NotNull UUID customerId, @Nullable Set<Channel> undelivered, @Nullable Boolean readEverything,
                          @Nullable String purchaseAfterStep, @Nullable Instant startAt) {
    }

    record TestRunView(List<TimelineEntry> timeline) {
    }

    /** The shop's system enters a customer: facts are what the journey's conditions and texts read as {@code event.<key>}. */
    record EntryRequest(@NotNull UUID customerId, @Nullable Map<String, String> facts) {
    }

    /** {@code entered} false: the journey's entry rule kept the customer out (inside already, or entered too recently). */
    record EntryView(boolean entered, @Nullable UUID runId) {
    }

    record JourneyListItem(UUID id, String name, JourneySummary.Status status, int draftVersion, @Nullable Integer liveVersion,
                           Instant updatedAt, long inside, long enteredLast7Days, long convertedLast7Days,
                           BigDecimal revenueLast7Days) {

        static JourneyListItem of(JourneySummary journey, JourneyStats.Counts counts) {
            return new JourneyListItem(journey.id(), journey.name(), journey.status(), journey.draftVersion(), journey.liveVersion(),
                    journey.updatedAt(), counts.inside(), counts.entered(), counts.converted(), counts.revenue());
        }
    }

    record VersionView(int version, Instant createdAt, @Nullable Instant launchedAt) {
        static VersionView of(JourneyVersion version) {
            return new VersionView(version.version(), version.createdAt(), version.launchedAt());
        }
    }

    /**
     * One journey with its draft.
     *
     * @param problems what keeps the draft from launching (empty: it can launch)
     */
    record JourneyView(UUID id, String name, JourneySummary.Status status, int draftVersion, @Nullable Integer liveVersion,
                       Instant updatedAt, JsonNode definition, List<String> problems, List<VersionView> versions) {
    }

    record VariantView(String name, boolean baseline, long entered, long converted, double conversionRate, BigDecimal revenue,
                       @Nullable Double uplift, @Nullable Double upliftPoints, @Nullable Double pValue, boolean significant) {

        static VariantView of(JourneyStats.VariantFigures v) {
            var u = v.uplift();
            return new VariantView(v.name(), v.control(), v.entered(), v.converted(), v.rate(), v.revenue(),
                    u == null ? null : u.relative(), u == null ? null : u.points(), u == null ? null : u.pValue(),
                    u != null && u.significant());
        }
    }

    record SplitView(String stepId, String name, List<VariantView> variants) {
    }

    record StepView(String stepId, String name, String kind, long entered, long sent, long deferred, long denied,
                    Map<String, Long> deniedBy, long delivered, long read, long clicked, long converted, BigDecimal revenue) {
        static StepView of(JourneyStats.StepFigures s) {
            return new StepView(s.stepId(), s.name(), s.kind(), s.entered(), s.sent(), s.deferred(), s.denied(), s.deniedBy(),
                    s.delivered(), s.read(), s.clicked(), s.converted(), s.revenue());
        }
    }

    record StatsView(int version, long entered, long inside, long converted, BigDecimal revenue, List<StepView> steps,
                     List<SplitView> splits) {
        static StatsView of(int version, JourneyStats.VersionFigures f) {
            return new StatsView(version, f.entered(), f.inside(), f.converted(), f.revenue(), f.steps().stream().map(StepView::of).toList(),
                    f.splits().stream().map(s -> new SplitView(s.stepId(), s.name(), s.variants().stream().map(VariantView::of).toList()))
                            .toList());
        }
    }
}
