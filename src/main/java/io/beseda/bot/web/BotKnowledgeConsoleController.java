package io.beseda.bot.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.beseda.bot.KnowledgeBase;
import io.beseda.shared.NotFoundException;
import io.beseda.workspace.Actor;

/** «Бот» → the knowledge base: add, edit and remove the shop's own questions and answers. */
@Controller
class BotKnowledgeConsoleController {

    private static final String PATH = BotPage.PATH + "/knowledge";

    private final KnowledgeBase knowledge;

    BotKnowledgeConsoleController(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    @PostMapping(PATH)
    String add(Actor actor, @RequestParam(defaultValue = "") String question, @RequestParam(defaultValue = "") String answer,
               RedirectAttributes redirect) {
        return BotPage.change(actor, redirect, "bot.knowledge.added",
                () -> knowledge.save(actor.workspaceId(), UUID.randomUUID(), question, answer));
    }

    @PostMapping(PATH + "/{knowledgeEntryId}")
    String edit(Actor actor, @PathVariable UUID knowledgeEntryId, @RequestParam(defaultValue = "") String question,
                @RequestParam(defaultValue = "") String answer, RedirectAttributes redirect) {
        BotEditors.checkConsole(actor);
        // editing an entry removed meanwhile (or another workspace's) must not make a new one
        if (knowledge.list(actor.workspaceId()).stream().noneMatch(entry -> entry.id().equals(knowledgeEntryId))) {
            throw new NotFoundException("Knowledge base entry", knowledgeEntryId);
        }
        return BotPage.change(actor, redirect, "bot.knowledge.saved",
                () -> knowledge.save(actor.workspaceId(), knowledgeEntryId, question, answer));
    }

    @PostMapping(PATH + "/{knowledgeEntryId}/delete")
    String delete(Actor actor, @PathVariable UUID knowledgeEntryId, RedirectAttributes redirect) {
        return BotPage.change(actor, redirect, "bot.knowledge.deleted", () -> knowledge.delete(actor.workspaceId(), knowledgeEntryId));
    }
}
