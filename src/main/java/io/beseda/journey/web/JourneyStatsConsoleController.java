package io.beseda.journey.web;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.beseda.consent.DecisionReason;
import io.beseda.journey.runtime.JourneyCatalog;
import io.beseda.workspace.Actor;

/** A journey's statistics: per step of one version (the live one unless another is picked) and its A/B results. */
@Controller
class JourneyStatsConsoleController {

    private final JourneyCatalog catalog;
    private final JourneyStats stats;

    JourneyStatsConsoleController(JourneyCatalog catalog, JourneyStats stats) {
        this.catalog = catalog;
        this.stats = stats;
    }

    @GetMapping("/journeys/{journeyId}/stats")
    String stats(Actor actor, @PathVariable UUID journeyId, @RequestParam(required = false) @Nullable Integer version, Model model) {
        var journey = catalog.get(actor.workspaceId(), journeyId);
        JourneyPermissions.requireReader(actor);
        var shown = version != null ? version : journey.liveVersion() != null ? journey.liveVersion() : journey.draftVersion();
        var definition = catalog.version(actor.workspaceId(), journeyId, shown).definition();
        model.addAttribute("journey", journey);
        model.addAttribute("version", shown);
        model.addAttribute("versions", catalog.versions(actor.workspaceId(), journeyId));
        model.addAttribute("figures", stats.of(actor.workspaceId(), journeyId, shown, definition));
        model.addAttribute("significance", Uplift.SIGNIFICANCE);
        model.addAttribute("reasons", DecisionReason.values());
        return "journey/stats";
    }
}
