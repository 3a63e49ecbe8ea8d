package io.beseda.customer.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.beseda.customer.CustomerProfiles;
import io.beseda.customer.Segments;
import io.beseda.customer.web.ProfilePage.Cursor;
import io.beseda.shared.RuleViolationException;
import io.beseda.workspace.Actor;
import io.beseda.workspace.Workspaces;

/**
 * A customer's profile: who they are, how Beseda recognises them, what they have in their cart, what
 * they ordered and did on the site; older timeline entries load on request; the profile form saves here.
 */
@Controller
class CustomerProfileController {

    /** Time zones of Russia, west to east, offered in the profile form. */
    static final List<String> ZONES = List.of("Europe/Kaliningrad", "Europe/Moscow", "Europe/Kirov", "Europe/Volgograd",
            "Europe/Astrakhan", "Europe/Saratov", "Europe/Ulyanovsk", "Europe/Samara", "Asia/Yekaterinburg", "Asia/Omsk",
            "Asia/Novosibirsk", "Asia/Barnaul", "Asia/Tomsk", "Asia/Novokuznetsk", "Asia/Krasnoyarsk", "Asia/Irkutsk",
            "Asia/Chita", "Asia/Yakutsk", "Asia/Vladivostok", "Asia/Sakhalin", "Asia/Magadan", "Asia/Kamchatka", "Asia/Anadyr");

    private final ProfilePages pages;
    private final CustomerProfiles profiles;
    private final Workspaces workspaces;
    private final Clock clock;
    private final Segments segments;

    CustomerProfileController(ProfilePages pages, CustomerProfiles profiles, Workspaces workspaces, Clock clock,
                              Segments segments) {
        this.pages = pages;
        this.profiles = profiles;
        this.workspaces = workspaces;
        this.clock = clock;
        this.segments = segments;
    }

    /** With {@code before} and {@code last} the timeline starts after that entry: «load older» without script. */
    @GetMapping("/customers/{customerId}")
    String profile(Actor actor, @PathVariable String customerId, @RequestParam(required = false) @Nullable Instant before,
                   @RequestParam(required = false) @Nullable String last, Locale locale, Model model) {
        var customer = pages.customer(actor.workspaceId(), customerId);
        if (!customer.id().toString().equals(customerId)) {
            return "redirect:/customers/" + customer.id(); // a profile merged into another lives on there
        }
        model.addAttribute("page", pages.page(actor.workspaceId(), customer, cursor(before, last), locale));
        model.addAttribute("zones", ZONES);
        model.addAttribute("now", clock.instant());
        model.addAttribute("segments", customer.erased() ? java.util.List.of() : segments.of(actor.workspaceId(), customer.id()));
        return "customers/profile";
    }

    /** The next page of the timeline, as a fragment that replaces the «load older» link. */
    @GetMapping("/customers/{customerId}/timeline")
    String olderTimeline(Actor actor, @PathVariable String customerId, @RequestParam(required = false) @Nullable Instant before,
                         @RequestParam(required = false) @Nullable String last, Locale locale, Model model) {
        var customer = pages.customer(actor.workspaceId(), customerId);
        model.addAttribute("customerId", customer.id());
        model.addAttribute("timeline", pages.timeline(actor.workspaceId(), customer.id(), cursor(before, last), locale));
        return "customers/timeline :: entries";
    }

    @PostMapping("/customers/{customerId}/profile")
    String save(Actor actor, @PathVariable String customerId, @ModelAttribute ProfileForm form,
                RedirectAttributes redirect) {
        var customer = pages.customer(actor.workspaceId(), customerId);
        var zone = workspaces.find(actor.workspaceId()).orElseThrow().timeZone();
        try {
            profiles.change(actor.workspaceId(), customer.id(), form.change(LocalDate.now(clock.withZone(zone))));
            redirect.addFlashAttribute("notice", "customers.profile.saved");
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("error", e.code());
        }
        return "redirect:/customers/" + customer.id() + "#profile-form";
    }

    private static @Nullable Cursor cursor(@Nullable Instant before, @Nullable String last) {
        return before == null || last == null ? null : new Cursor(before, last);
    }
}
