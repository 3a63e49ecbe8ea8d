package io.beseda.consent.web;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.consent.ConsentPurpose;
import io.beseda.consent.Consents;
import io.beseda.consent.web.ConsentViews.TextView;
import io.beseda.workspace.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/consent-texts")
@Tag(name = "Consent texts", description = "The wordings customers agree to, by purpose and version; never changed once registered")
class ConsentTextsApiController {

    private final Consents consents;

    ConsentTextsApiController(Consents consents) {
        this.consents = consents;
    }

    @GetMapping
    @Operation(summary = "Every registered text with its SHA-256")
    List<TextView> list(Actor actor) {
        return consents.texts(actor.workspaceId()).stream().map(TextView::of).toList();
    }

    @PostMapping
    @Operation(summary = "Register a new version of a text", description = "A version that exists already is refused (409).")
    ResponseEntity<TextView> register(Actor actor, @Valid @RequestBody RegisterText request) {
        var text = consents.registerText(actor, request.purpose(), request.version(), request.body());
        return ResponseEntity.created(URI.create("/api/v1/consent-texts")).body(TextView.of(text));
    }

    record RegisterText(@NotNull ConsentPurpose purpose, @NotBlank @Size(max = 100) String version,
                        @NotBlank @Size(max = 20_000) String body) {
    }
}
