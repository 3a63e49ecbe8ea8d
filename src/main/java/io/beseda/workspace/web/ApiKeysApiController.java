package io.beseda.workspace.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.workspace.Actor;
import io.beseda.workspace.apikey.ApiKeyId;
import io.beseda.workspace.apikey.ApiKeys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/api-keys")
@Tag(name = "API keys", description = "Keys that scripts and integrations use; the secret is shown once")
class ApiKeysApiController {

    private final ApiKeys keys;

    ApiKeysApiController(ApiKeys keys) {
        this.keys = keys;
    }

    @GetMapping
    @Operation(summary = "All keys of the workspace, active first")
    List<ApiKeyView> list(Actor actor) {
        return keys.list(actor.workspaceId()).stream().map(ApiKeyView::of).toList();
    }

    @GetMapping("/{keyId}")
    @Operation(summary = "One key")
    ApiKeyView get(Actor actor, @PathVariable UUID keyId) {
        return ApiKeyView.of(keys.get(actor.workspaceId(), new ApiKeyId(keyId)));
    }

    @PostMapping
    @Operation(summary = "Issue a key; the response carries the secret, which is never shown again")
    ResponseEntity<IssuedKeyView> issue(Actor actor, @Valid @RequestBody IssueKey request) {
        var issued = keys.issue(actor.workspaceId(), request.name(), actor.name());
        return ResponseEntity.created(URI.create("/api/v1/api-keys/" + issued.key().id()))
                .body(new IssuedKeyView(ApiKeyView.of(issued.key()), issued.secret()));
    }

    @DeleteMapping("/{keyId}")
    @Operation(summary = "Revoke a key; it is refused from the next request on")
    ApiKeyView revoke(Actor actor, @PathVariable UUID keyId) {
        return ApiKeyView.of(keys.revoke(actor.workspaceId(), new ApiKeyId(keyId)));
    }

    record IssueKey(@NotBlank @Size(max = 100) String name) {
    }

    record IssuedKeyView(ApiKeyView key, String secret) {
    }
}
