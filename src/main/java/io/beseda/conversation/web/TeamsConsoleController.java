package io.beseda.conversation.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.beseda.conversation.AssignmentMode;
import io.beseda.conversation.OperatorStatus;
import io.beseda.conversation.Operators;
import io.beseda.conversation.TeamSettings;
import io.beseda.conversation.Teams;
import io.beseda.workspace.Actor;
import io.beseda.workspace.UserId;
import io.beseda.workspace.Users;

/** Settings → Teams: teams, their members and modes, and every operator's capacity. Owners and admins only. */
@Controller
class TeamsConsoleController {

    private static final String PAGE = "/settings/teams";

    private final Teams teams;
    private final Operators operators;
    private final Users users;

    TeamsConsoleController(Teams teams, Operators operators, Users users) {
        this.teams = teams;
        this.operators = operators;
        this.users = users;
    }

    @GetMapping(PAGE)
    String page(Actor actor, Model model) {
        model.addAttribute("teams", teams.list(actor.workspaceId()));
        model.addAttribute("operators", operators.list(actor.workspaceId()));
        model.addAttribute("users", users.list(actor.workspaceId()));
        model.addAttribute("modes", AssignmentMode.values());
        model.addAttribute("statuses", OperatorStatus.values());
        return "settings/teams";
    }

    @PostMapping(PAGE)
    String create(Actor actor, @RequestParam String name, @RequestParam AssignmentMode assignment,
                  @RequestParam int firstResponseMinutes, @RequestParam int nextResponseMinutes, RedirectAttributes redirect) {
        return SettingsRedirects.apply(redirect, PAGE, "teams.created", () -> teams.create(actor,
                new TeamSettings(name, assignment, firstResponseMinutes, nextResponseMinutes)).name());
    }

    @PostMapping(PAGE + "/{teamId}")
    String update(Actor actor, @PathVariable UUID teamId, @RequestParam String name, @RequestParam AssignmentMode assignment,
                  @RequestParam int firstResponseMinutes, @RequestParam int nextResponseMinutes, RedirectAttributes redirect) {
        teams.get(actor.workspaceId(), teamId);
        return SettingsRedirects.apply(redirect, PAGE, "teams.saved", () -> teams.update(actor, teamId,
                new TeamSettings(name, assignment, firstResponseMinutes, nextResponseMinutes)).name());
    }

    @PostMapping(PAGE + "/{teamId}/delete")
    String delete(Actor actor, @PathVariable UUID teamId, RedirectAttributes redirect) {
        teams.get(actor.workspaceId(), teamId);
        return SettingsRedirects.apply(redirect, PAGE, "teams.deleted", () -> {
            teams.delete(actor, teamId);
            return "";
        });
    }

    @PostMapping(PAGE + "/{teamId}/members")
    String addMember(Actor actor, @PathVariable UUID teamId, @RequestParam UUID userId, RedirectAttributes redirect) {
        teams.get(actor.workspaceId(), teamId);
        return SettingsRedirects.apply(redirect, PAGE, "teams.saved", () -> teams.addMember(actor, teamId, new UserId(userId)).name());
    }

    @PostMapping(PAGE + "/{teamId}/members/{userId}/remove")
    String removeMember(Actor actor, @PathVariable UUID teamId, @PathVariable UUID userId, RedirectAttributes redirect) {
        teams.get(actor.workspaceId(), teamId);
        return SettingsRedirects.apply(redirect, PAGE, "teams.saved", () -> teams.removeMember(actor, teamId, new UserId(userId)).name());
    }

    @PostMapping("/settings/operators/{userId}/capacity")
    String capacity(Actor actor, @PathVariable UUID userId, @RequestParam int capacity, RedirectAttributes redirect) {
        operators.get(actor.workspaceId(), new UserId(userId));
        return SettingsRedirects.apply(redirect, PAGE, "operators.saved", () -> {
            operators.setCapacity(actor, new UserId(userId), capacity);
            return "";
        });
    }
}
