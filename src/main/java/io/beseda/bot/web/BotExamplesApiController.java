package io.beseda.bot.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.bot.Intent;
import io.beseda.bot.IntentExamples;
import io.beseda.workspace.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/bot/examples")
@Tag(name = "Bot", description = "The bot's settings and texts, the shop's own intent examples and its knowledge base")
class BotExamplesApiController {

    /** A phrase as the shop's customers say it, and the intent it means. */
    record ExampleView(UUID id, String intent, String text) {

        static ExampleView of(IntentExamples.Example example) {
            return new ExampleView(example.id(), example.intent().id(), example.text());
        }
    }

    record NewExample(@Schema(description = "An intent id: order_status, delivery, payment, returns, store_locator, promotions, "
            + "loyalty_card, opening_hours, size_advice, product_search, operator, greeting, thanks, goodbye") @NotBlank String intent,
                      @NotBlank @Size(max = 500) String text) {
    }

    static final String INTENT_IDS = Arrays.stream(Intent.values()).map(Intent::id).collect(Collectors.joining(", "));

    private final IntentExamples examples;

    BotExamplesApiController(IntentExamples examples) {
        this.examples = examples;
    }

    @GetMapping
    @Operation(summary = "The examples the shop added to the shipped training set, by intent")
    List<ExampleView> list(Actor actor) {
        return examples.list(actor.workspaceId()).stream().map(ExampleView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Teach the bot how the shop's customers say something",
            description = "Line breaks become spaces. 400 for an unknown intent (the problem lists the ids), 409 when the same "
                    + "example is there already. The bot learns it with the next message it reads.")
    ExampleView add(Actor actor, @Valid @RequestBody NewExample example) {
        BotEditors.checkApi(actor);
        var intent = Intent.of(example.intent())
                .orElseThrow(() -> BadField.of("intent", "must be one of " + INTENT_IDS));
        return ExampleView.of(examples.add(actor.workspaceId(), intent, example.text()));
    }

    @DeleteMapping("/{intentExampleId}")
    @Operation(summary = "Forget an example")
    ResponseEntity<Void> delete(Actor actor, @PathVariable UUID intentExampleId) {
        BotEditors.checkApi(actor);
        examples.delete(actor.workspaceId(), intentExampleId);
        return ResponseEntity.noContent().build();
    }
}
