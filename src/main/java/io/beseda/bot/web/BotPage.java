package io.beseda.bot.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.beseda.shared.RuleViolationException;
import io.beseda.workspace.Actor;

/**
 * The «Бот» page's post-redirect-get: only those who configure the bot may change it (others get 403); what a
 * rule refuses is said on the page (its code is a message key); an unknown or foreign id is not caught, so it
 * answers 404.
 */
final class BotPage {

    static final String PATH = "/bot";

    private BotPage() {
    }

    static String change(Actor actor, RedirectAttributes redirect, String notice, Runnable change) {
        BotEditors.checkConsole(actor);
        try {
            change.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("problem", e.code());
        }
        return "redirect:" + PATH;
    }

    static String problem(Actor actor, RedirectAttributes redirect, String problem) {
        BotEditors.checkConsole(actor);
        redirect.addFlashAttribute("problem", problem);
        return "redirect:" + PATH;
    }
}
