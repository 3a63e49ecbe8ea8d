package io.beseda.channel.webchat;

import java.util.EnumMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.beseda.consent.Channel;
import io.beseda.shared.RuleViolationException;
import io.beseda.workspace.Actor;

/**
 * Settings → Web chat: the workspace's chats (one per site), each with the line to paste into the site,
 * its texts, messenger links and allowed sites, and the identity secret, shown once when it is made.
 */
@Controller
@RequestMapping("/settings/webchat")
class WebChatSettingsController {

    /** The form as the page posts it: one field per messenger link, allowed sites one per line. */
    record SettingsForm(@Nullable String name, @Nullable String greeting, @Nullable String consentText,
                        @Nullable String telegram, @Nullable String whatsapp, @Nullable String viber, @Nullable String vk,
                        @Nullable String max, @Nullable String allowedOrigins) {

        WebChatForm toForm() {
            var links = new EnumMap<Channel, String>(Channel.class);
            put(links, Channel.TELEGRAM, telegram);
            put(links, Channel.WHATSAPP, whatsapp);
            put(links, Channel.VIBER, viber);
            put(links, Channel.VK, vk);
            put(links, Channel.MAX, max);
            return new WebChatForm(name == null ? "" : name, greeting, consentText, links, allowedOrigins);
        }

        private static void put(EnumMap<Channel, String> links, Channel channel, @Nullable String link) {
            if (link != null && !link.isBlank()) {
                links.put(channel, link);
            }
        }
    }

    private final WebChatAccounts accounts;

    WebChatSettingsController(WebChatAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    String list(Actor actor, Model model) {
        var all = accounts.list(actor.workspaceId());
        model.addAttribute("accounts", all);
        model.addAttribute("selected", null);
        return "settings/webchat";
    }

    @GetMapping("/{accountId}")
    String show(Actor actor, @PathVariable UUID accountId, Model model) {
        var account = accounts.get(actor.workspaceId(), accountId);
        var base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        model.addAttribute("accounts", accounts.list(actor.workspaceId()));
        model.addAttribute("selected", account);
        model.addAttribute("links", account.settings().links());
        model.addAttribute("origins", String.join("\n", account.settings().allowedOrigins()));
        model.addAttribute("snippet", "<script src=\"" + base + "/widget/beseda-chat.js\" data-token=\""
                + account.settings().inboxToken() + "\" async></script>");
        return "settings/webchat";
    }

    @PostMapping
    String create(Actor actor, @ModelAttribute SettingsForm form, RedirectAttributes redirect) {
        try {
            var account = accounts.create(actor, form.toForm());
            redirect.addFlashAttribute("issuedSecret", account.settings().identitySecret());
            notice(redirect, "webchat.created", account.name());
            return "redirect:/settings/webchat/" + account.id();
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("error", e.code());
            return "redirect:/settings/webchat";
        }
    }

    @PostMapping("/{accountId}")
    String update(Actor actor, @PathVariable UUID accountId, @ModelAttribute SettingsForm form, RedirectAttributes redirect) {
        try {
            var account = accounts.update(actor, accountId, form.toForm());
            notice(redirect, "webchat.saved", account.name());
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("error", e.code());
        }
        return "redirect:/settings/webchat/" + accountId;
    }

    @PostMapping("/{accountId}/secret")
    String rotate(Actor actor, @PathVariable UUID accountId, RedirectAttributes redirect) {
        // A flash attribute lives for one request: the secret is shown once, never again.
        redirect.addFlashAttribute("issuedSecret", accounts.rotateSecret(actor.workspaceId(), accountId));
        return "redirect:/settings/webchat/" + accountId;
    }

    private static void notice(RedirectAttributes redirect, String code, String argument) {
        redirect.addFlashAttribute("notice", code);
        redirect.addFlashAttribute("noticeArg", argument);
    }
}
