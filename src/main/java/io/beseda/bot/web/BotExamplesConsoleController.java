package io.beseda.bot.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.beseda.bot.Intent;
import io.beseda.bot.IntentExamples;
import io.beseda.workspace.Actor;

/** «Бот» → the shop's own examples: how its customers say what the bot should understand. */
@Controller
class BotExamplesConsoleController {

    private static final String PATH = BotPage.PATH + "/examples";

    private final IntentExamples examples;

    BotExamplesConsoleController(IntentExamples examples) {
        this.examples = examples;
    }

    @PostMapping(PATH)
    String add(Actor actor, @RequestParam(defaultValue = "") String intent, @RequestParam(defaultValue = "") String text,
               RedirectAttributes redirect) {
        var chosen = Intent.of(intent);
        if (chosen.isEmpty()) {
            return BotPage.problem(actor, redirect, "bot.example.intent");
        }
        return BotPage.change(actor, redirect, "bot.example.added", () -> examples.add(actor.workspaceId(), chosen.get(), text));
    }

    @PostMapping(PATH + "/{intentExampleId}/delete")
    String delete(Actor actor, @PathVariable UUID intentExampleId, RedirectAttributes redirect) {
        return BotPage.change(actor, redirect, "bot.example.deleted", () -> examples.delete(actor.workspaceId(), intentExampleId));
    }
}
