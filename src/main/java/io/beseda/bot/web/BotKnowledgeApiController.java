package io.beseda.bot.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.bot.KnowledgeBase;
import io.beseda.workspace.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/bot/knowledge")
@Tag(name = "Bot", description = "The bot's settings and texts, the shop's own intent examples and its knowledge base")
class BotKnowledgeApiController {

    record EntryRequest(@NotBlank @Size(max = 500) String question, @NotBlank @Size(max = 4000) String answer) {
    }

    private final KnowledgeBase knowledge;

    BotKnowledgeApiController(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    @GetMapping
    @Operation(summary = "The shop's own questions and answers, by question")
    List<KnowledgeBase.Entry> list(Actor actor) {
        return knowledge.list(actor.workspaceId());
    }

    @PutMapping("/{knowledgeEntryId}")
    @Operation(summary = "Add an entry or replace it, by an id the caller chooses (a UUID)",
            description = "201 when new, 200 when it replaced one. When no intent is sure enough, the bot answers with the "
                    + "entry that covers at least half of what the customer asked.")
    ResponseEntity<KnowledgeBase.Entry> save(Actor actor, @PathVariable UUID knowledgeEntryId, @Valid @RequestBody EntryRequest request) {
        BotEditors.checkApi(actor);
        var workspace = actor.workspaceId();
        boolean existed = knowledge.list(workspace).stream().anyMatch(entry -> entry.id().equals(knowledgeEntryId));
        var saved = knowledge.save(workspace, knowledgeEntryId, request.question(), request.answer());
        return ResponseEntity.status(existed ? HttpStatus.OK : HttpStatus.CREATED).body(saved);
    }

    @DeleteMapping("/{knowledgeEntryId}")
    @Operation(summary = "Remove an entry")
    ResponseEntity<Void> delete(Actor actor, @PathVariable UUID knowledgeEntryId) {
        BotEditors.checkApi(actor);
        knowledge.delete(actor.workspaceId(), knowledgeEntryId);
        return ResponseEntity.noContent().build();
    }
}
