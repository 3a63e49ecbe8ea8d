package io.beseda.conversation.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.conversation.AssignmentMode;
import io.beseda.conversation.Team;
import io.beseda.conversation.TeamSettings;
import io.beseda.conversation.Teams;
import io.beseda.workspace.Actor;
import io.beseda.workspace.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Teams", description = "Teams of operators: members, assignment mode, response targets")
class TeamsApiController {

    private final Teams teams;

    TeamsApiController(Teams teams) {
        this.teams = teams;
    }

    @GetMapping("/api/v1/teams")
    @Operation(summary = "All teams with their members")
    List<Team> list(Actor actor) {
        return teams.list(actor.workspaceId());
    }

    @PostMapping("/api/v1/teams")
    @Operation(summary = "Create a team (assignment ROUND_ROBIN and 30-minute targets unless given)")
    ResponseEntity<Team> create(Actor actor, @Valid @RequestBody TeamBody body) {
        var team = teams.create(actor, body.settings());
        return ResponseEntity.created(URI.create("/api/v1/teams/" + team.id())).body(team);
    }

    @GetMapping("/api/v1/teams/{teamId}")
    @Operation(summary = "One team")
    Team get(Actor actor, @PathVariable UUID teamId) {
        return teams.get(actor.workspaceId(), teamId);
    }

    @PutMapping("/api/v1/teams/{teamId}")
    @Operation(summary = "Rename a team, change its assignment mode or response targets")
    Team update(Actor actor, @PathVariable UUID teamId, @Valid @RequestBody TeamBody body) {
        return teams.update(actor, teamId, body.settings());
    }

    @DeleteMapping("/api/v1/teams/{teamId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a team; its inboxes and conversations stay, without a team")
    void delete(Actor actor, @PathVariable UUID teamId) {
        teams.delete(actor, teamId);
    }

    @PutMapping("/api/v1/teams/{teamId}/members/{userId}")
    @Operation(summary = "Add a user of the workspace to the team")
    Team addMember(Actor actor, @PathVariable UUID teamId, @PathVariable UUID userId) {
        return teams.addMember(actor, teamId, new UserId(userId));
    }

    @DeleteMapping("/api/v1/teams/{teamId}/members/{userId}")
    @Operation(summary = "Remove a user from the team")
    Team removeMember(Actor actor, @PathVariable UUID teamId, @PathVariable UUID userId) {
        return teams.removeMember(actor, teamId, new UserId(userId));
    }

    record TeamBody(@NotBlank @Size(max = 100) String name, @Nullable AssignmentMode assignment,
                    @Nullable @Min(1) @Max(TeamSettings.MAX_RESPONSE_MINUTES) Integer firstResponseMinutes,
                    @Nullable @Min(1) @Max(TeamSettings.MAX_RESPONSE_MINUTES) Integer nextResponseMinutes) {

        TeamSettings settings() {
            return new TeamSettings(name, assignment == null ? AssignmentMode.ROUND_ROBIN : assignment,
                    firstResponseMinutes == null ? Team.DEFAULT_RESPONSE_MINUTES : firstResponseMinutes,
                    nextResponseMinutes == null ? Team.DEFAULT_RESPONSE_MINUTES : nextResponseMinutes);
        }
    }
}
