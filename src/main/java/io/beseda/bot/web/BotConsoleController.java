package io.beseda.bot.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.beseda.bot.BotMetrics;
import io.beseda.bot.BotSettings;
import io.beseda.bot.BotTexts;
import io.beseda.bot.Intent;
import io.beseda.bot.IntentExamples;
import io.beseda.bot.KnowledgeBase;
import io.beseda.workspace.Actor;

/**
 * The console's «Бот»: on or off, how sure it must be, how it did over the last 30 days, a test chat, what it
 * says, what it knows and the shop's own examples.
 * Everyone signed in sees it; owners, admins and marketers change it (the knowledge base and the examples have
 * their own controllers).
 */
@Controller
class BotConsoleController {

    private static final String TEXT = "text.";
    static final int REPORT_DAYS = 30;

    private final BotSettings settings;
    private final KnowledgeBase knowledge;
    private final IntentExamples examples;
    private final BotMetrics metrics;
    private final java.time.Clock clock;

    BotConsoleController(BotSettings settings, KnowledgeBase knowledge, IntentExamples examples, BotMetrics metrics, java.time.Clock clock) {
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
        this.knowledge = knowledge;
        this.examples = examples;
    }

    @GetMapping(BotPage.PATH)
    String page(Actor actor, Model model, jakarta.servlet.http.HttpSession session) {
        var workspace = actor.workspaceId();
        var current = settings.of(workspace);
        model.addAttribute("settings", current);
        model.addAttribute("texts", BotText.all(current));
        model.addAttribute("knowledge", knowledge.list(workspace));
        model.addAttribute("examples", examples.list(workspace));
        model.addAttribute("intents", Intent.values());
        model.addAttribute("mayEdit", BotEditors.mayConfigure(actor));
        model.addAttribute("turns", BotTestChatConsoleController.turns(actor, session));
        var now = clock.instant();
        model.addAttribute("report", metrics.report(workspace, now.minus(java.time.Duration.ofDays(REPORT_DAYS)), now));
        model.addAttribute("reportDays", REPORT_DAYS);
        model.addAttribute("intentNames", io.beseda.bot.IntentNames.RU);
        return "bot/bot";
    }

    @PostMapping(BotPage.PATH + "/settings")
    String settings(Actor actor, @RequestParam(defaultValue = "false") boolean enabled, @RequestParam(defaultValue = "") String threshold,
                    RedirectAttributes redirect) {
        double parsed;
        try {
            parsed = Math.round(Double.parseDouble(threshold.strip().replace(',', '.')) * 100) / 100.0;
        } catch (NumberFormatException e) {
            return BotPage.problem(actor, redirect, "bot.threshold");
        }
        return BotPage.change(actor, redirect, "bot.settings.saved", () -> {
            var workspace = actor.workspaceId();
            settings.save(workspace, enabled, parsed, settings.of(workspace).texts());
        });
    }

    /** Every text comes as {@code text.<key>}; {@code reset=<key>} (the text's own button) brings back the shipped one. */
    @PostMapping(BotPage.PATH + "/texts")
    String texts(Actor actor, @RequestParam Map<String, String> form, @RequestParam(defaultValue = "") String reset,
                 RedirectAttributes redirect) {
        var texts = new LinkedHashMap<String, String>();
        form.forEach((name, text) -> {
            if (name.startsWith(TEXT) && BotTexts.DEFAULTS.containsKey(name.substring(TEXT.length()))) {
                texts.put(name.substring(TEXT.length()), text);
            }
        });
        if (BotTexts.DEFAULTS.containsKey(reset)) {
            texts.put(reset, "");
        }
        return BotPage.change(actor, redirect, reset.isEmpty() ? "bot.texts.saved" : "bot.texts.reset.done", () -> {
            var workspace = actor.workspaceId();
            var current = settings.of(workspace);
            settings.save(workspace, current.enabled(), current.confidenceThreshold(), texts);
        });
    }
}
