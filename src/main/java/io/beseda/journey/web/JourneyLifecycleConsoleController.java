package io.beseda.journey.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.beseda.journey.runtime.JourneyCatalog;
import io.beseda.journey.runtime.JourneyProblems;
import io.beseda.workspace.Actor;

/** Launching a journey's draft (optionally moving the customers inside onto it), pausing, resuming and archiving. */
@Controller
@RequestMapping("/journeys/{journeyId}")
class JourneyLifecycleConsoleController {

    private final JourneyCatalog catalog;
    private final TemplateChecks templates;

    JourneyLifecycleConsoleController(JourneyCatalog catalog, TemplateChecks templates) {
        this.catalog = catalog;
        this.templates = templates;
    }

    @PostMapping("/launch")
    String launch(Actor actor, @PathVariable UUID journeyId, @RequestParam(defaultValue = "false") boolean moveInside,
                  RedirectAttributes redirect) {
        catalog.get(actor.workspaceId(), journeyId);
        JourneyPermissions.requireEditor(actor);
        try {
            var draft = catalog.draft(actor.workspaceId(), journeyId).definition();
            var launched = catalog.launch(actor, journeyId, moveInside, templates.problems(draft));
            redirect.addFlashAttribute("notice", "journey.launched");
            redirect.addFlashAttribute("noticeArg", launched.liveVersion());
        } catch (JourneyProblems e) {
            redirect.addFlashAttribute("launchProblems", e.problems());
        }
        return "redirect:/journeys/" + journeyId;
    }

    @PostMapping("/pause")
    String pause(Actor actor, @PathVariable UUID journeyId, RedirectAttributes redirect) {
        catalog.get(actor.workspaceId(), journeyId);
        JourneyPermissions.requireEditor(actor);
        catalog.pause(actor, journeyId);
        redirect.addFlashAttribute("notice", "journey.paused");
        return "redirect:/journeys/" + journeyId;
    }

    @PostMapping("/resume")
    String resume(Actor actor, @PathVariable UUID journeyId, RedirectAttributes redirect) {
        catalog.get(actor.workspaceId(), journeyId);
        JourneyPermissions.requireEditor(actor);
        try {
            catalog.resume(actor, journeyId);
            redirect.addFlashAttribute("notice", "journey.resumed");
        } catch (JourneyProblems e) {
            redirect.addFlashAttribute("launchProblems", e.problems());
        }
        return "redirect:/journeys/" + journeyId;
    }

    @PostMapping("/archive")
    String archive(Actor actor, @PathVariable UUID journeyId, RedirectAttributes redirect) {
        var journey = catalog.get(actor.workspaceId(), journeyId);
        JourneyPermissions.requireEditor(actor);
        catalog.archive(actor, journeyId);
        redirect.addFlashAttribute("notice", "journey.archived");
        redirect.addFlashAttribute("noticeArg", journey.name());
        return "redirect:/journeys";
    }
}
