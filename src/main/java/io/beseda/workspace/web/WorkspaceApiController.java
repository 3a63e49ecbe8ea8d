package io.beseda.workspace.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.shared.NotFoundException;
import io.beseda.workspace.Actor;
import io.beseda.workspace.Workspace;
import io.beseda.workspace.Workspaces;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/workspace")
@Tag(name = "Workspace", description = "The workspace the API key belongs to")
class WorkspaceApiController {

    private final Workspaces workspaces;

    WorkspaceApiController(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    @GetMapping
    @Operation(summary = "The workspace this key works in")
    WorkspaceView current(Actor actor) {
        return workspaces.find(actor.workspaceId()).map(WorkspaceView::of)
                .orElseThrow(() -> new NotFoundException("Workspace", actor.workspaceId()));
    }

    record WorkspaceView(String id, String slug, String name, String timeZone, String createdAt) {
        static WorkspaceView of(Workspace w) {
            return new WorkspaceView(w.id().toString(), w.slug(), w.name(), w.timeZone().getId(),
                    w.createdAt().toString());
        }
    }
}
