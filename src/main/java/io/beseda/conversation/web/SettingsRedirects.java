package io.beseda.conversation.web;

import java.util.function.Supplier;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.beseda.conversation.InvalidTemplateException;
import io.beseda.shared.RuleViolationException;

/**
 * The console settings pages' post-redirect-get: run the change, say what happened (or which rule
 * refused it) on the page redirected to. An unknown or foreign id is not caught: it answers 404.
 */
final class SettingsRedirects {

    private SettingsRedirects() {
    }

    static String apply(RedirectAttributes redirect, String page, String notice, Supplier<String> change) {
        try {
            var subject = change.get();
            redirect.addFlashAttribute("notice", notice);
            redirect.addFlashAttribute("noticeArg", subject);
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("error", e.code());
        } catch (InvalidTemplateException e) {
            invalid(redirect, e.field(), e.getMessage());
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            invalid(redirect, "", e.getMessage());
        }
        return "redirect:" + page;
    }

    private static void invalid(RedirectAttributes redirect, String field, String message) {
        redirect.addFlashAttribute("invalidField", field);
        redirect.addFlashAttribute("invalidMessage", message);
    }
}
