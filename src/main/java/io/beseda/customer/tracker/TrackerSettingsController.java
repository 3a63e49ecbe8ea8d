package io.beseda.customer.tracker;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.beseda.workspace.Actor;

/** Settings → Tracker: the snippet to paste into the shop's pages, and the secret that signs identities. */
@Controller
@RequestMapping("/settings/tracker")
class TrackerSettingsController {

    private final Trackers trackers;

    TrackerSettingsController(Trackers trackers) {
        this.trackers = trackers;
    }

    @GetMapping
    String show(Actor actor, Model model) {
        var tracker = trackers.of(actor.workspaceId());
        var base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        model.addAttribute("tracker", tracker);
        model.addAttribute("snippet", "<script src=\"" + base + "/static/beseda-tracker.js\" data-token=\""
                + tracker.token() + "\" defer></script>");
        return "settings/tracker";
    }

    @PostMapping("/secret")
    String rotate(Actor actor, RedirectAttributes redirect) {
        // A flash attribute lives for one request: the secret is shown once and then only its date.
        redirect.addFlashAttribute("issuedSecret", trackers.rotateSecret(actor.workspaceId()));
        return "redirect:/settings/tracker";
    }
}
