package io.beseda.conversation.web;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.beseda.channel.ChannelAccounts;
import io.beseda.conversation.BusinessHours;
import io.beseda.conversation.Inbox;
import io.beseda.conversation.InboxChange;
import io.beseda.conversation.InboxSettings;
import io.beseda.conversation.Teams;
import io.beseda.workspace.Actor;

/** Settings → Inboxes: each inbox's team, zone, business hours and auto-reply, and which accounts feed it. */
@Controller
class InboxSettingsConsoleController {

    private static final String PAGE = "/settings/inboxes";

    private final InboxSettings inboxes;
    private final Teams teams;
    private final ChannelAccounts accounts;

    InboxSettingsConsoleController(InboxSettings inboxes, Teams teams, ChannelAccounts accounts) {
        this.inboxes = inboxes;
        this.teams = teams;
        this.accounts = accounts;
    }

    @GetMapping(PAGE)
    String page(Actor actor, Model model) {
        var all = inboxes.list(actor.workspaceId());
        model.addAttribute("inboxes", all.stream().map(InboxForm::of).toList());
        model.addAttribute("teams", teams.list(actor.workspaceId()));
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("accounts", accounts.list(actor.workspaceId()).stream()
                .map(a -> new AccountRow(a.id(), a.channel() + " · " + a.name(), all.stream()
                        .filter(i -> i.accounts().contains(a.id())).findFirst().map(Inbox::id)
                        .orElse(all.stream().filter(Inbox::isDefault).findFirst().map(Inbox::id).orElse(null))))
                .toList());
        return "settings/inboxes";
    }

    @PostMapping(PAGE)
    String create(Actor actor, @RequestParam String name, RedirectAttributes redirect) {
        return SettingsRedirects.apply(redirect, PAGE, "inboxes.created", () -> inboxes.create(actor,
                new InboxChange(name, null, ZoneId.of("Europe/Moscow"), BusinessHours.ALWAYS_OPEN, null)).name());
    }

    @PostMapping(PAGE + "/{inboxId}")
    String update(Actor actor, @PathVariable UUID inboxId, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        inboxes.get(actor.workspaceId(), inboxId);
        return SettingsRedirects.apply(redirect, PAGE, "inboxes.saved", () -> inboxes.update(actor, inboxId, change(form)).name());
    }

    @PostMapping(PAGE + "/{inboxId}/delete")
    String delete(Actor actor, @PathVariable UUID inboxId, RedirectAttributes redirect) {
        inboxes.get(actor.workspaceId(), inboxId);
        return SettingsRedirects.apply(redirect, PAGE, "inboxes.deleted", () -> {
            inboxes.delete(actor, inboxId);
            return "";
        });
    }

    @PostMapping(PAGE + "/{inboxId}/accounts")
    String map(Actor actor, @PathVariable UUID inboxId, @RequestParam UUID accountId, RedirectAttributes redirect) {
        inboxes.get(actor.workspaceId(), inboxId);
        return SettingsRedirects.apply(redirect, PAGE, "inboxes.moved", () -> {
            inboxes.mapAccount(actor, inboxId, accountId);
            return "";
        });
    }

    private static InboxChange change(Map<String, String> form) {
        var week = new EnumMap<DayOfWeek, List<BusinessHours.Interval>>(DayOfWeek.class);
        for (var day : DayOfWeek.values()) {
            var intervals = new ArrayList<BusinessHours.Interval>();
            for (var part : form.getOrDefault("hours." + day, "").split(",")) {
                if (!part.isBlank()) {
                    var bounds = part.strip().split("\\s*[-–]\\s*");
                    if (bounds.length != 2) {
                        throw new IllegalArgumentException(day + ": " + part.strip());
                    }
                    intervals.add(BusinessHours.Interval.of(bounds[0], bounds[1]));
                }
            }
            week.put(day, intervals);
        }
        var team = form.getOrDefault("teamId", "");
        return new InboxChange(form.getOrDefault("name", ""), team.isBlank() ? null : UUID.fromString(team),
                ZoneId.of(form.getOrDefault("timeZone", "Europe/Moscow").strip()), new BusinessHours(week), form.get("outOfOfficeText"));
    }

    /** An inbox with its hours as the form shows them: "09:00-13:00, 14:00-18:00" per weekday. */
    record InboxForm(Inbox inbox, Map<DayOfWeek, String> hours) {

        static InboxForm of(Inbox inbox) {
            var hours = new EnumMap<DayOfWeek, String>(DayOfWeek.class);
            for (var day : DayOfWeek.values()) {
                hours.put(day, inbox.businessHours().on(day).stream().map(i -> i.toString().replace("–", "-"))
                        .collect(Collectors.joining(", ")));
            }
            return new InboxForm(inbox, hours);
        }
    }

    record AccountRow(UUID id, String label, @Nullable UUID inboxId) {
    }
}
