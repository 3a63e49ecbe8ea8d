package io.beseda.channel.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.WebhookUrls;
import io.beseda.consent.Channel;
import io.beseda.shared.NotFoundException;
import io.beseda.shared.RuleViolationException;
import io.beseda.workspace.Actor;

/**
 * Настройки → Мессенджеры: a workspace's messenger accounts (Telegram, WhatsApp, Viber, VK, MAX and the
 * sandbox) — credentials (kept encrypted, never shown back), the webhook address, «Проверить подключение»,
 * «Зарегистрировать вебхук» where the provider allows it, on/off, and health: when a customer last wrote
 * through it and the provider's last error. Owners and admins only (all of /settings is theirs).
 */
@Controller
@RequestMapping(MessengerSettingsController.PAGE)
class MessengerSettingsController {

    static final String PAGE = "/settings/messengers";

    private final ChannelAccounts accounts;
    private final MessengerProviders providers;
    private final WebhookUrls webhooks;

    MessengerSettingsController(ChannelAccounts accounts, MessengerProviders providers, WebhookUrls webhooks) {
        this.accounts = accounts;
        this.providers = providers;
        this.webhooks = webhooks;
    }

    @GetMapping
    String list(Actor actor, Model model, Locale locale) {
        return page(actor, null, model, locale);
    }

    @GetMapping("/{messengerAccountId}")
    String show(Actor actor, @PathVariable UUID messengerAccountId, Model model, Locale locale) {
        return page(actor, messenger(actor, messengerAccountId), model, locale);
    }

    @PostMapping
    String create(Actor actor, @RequestParam String provider, @RequestParam(defaultValue = "") String name,
                  @RequestParam(required = false) @Nullable Channel channel, @RequestParam Map<String, String> form,
                  RedirectAttributes redirect) {
        var factory = providers.find(provider).orElseThrow(() -> new NotFoundException("Messenger provider", provider));
        var served = factory.channel() != null ? factory.channel() : channel;
        if (served == null || served == Channel.WEBCHAT) {
            return problem(redirect, PAGE, "Выберите канал · Choose the channel");
        }
        if (name.isBlank() || name.length() > 100) {
            return problem(redirect, PAGE, "Название — от 1 до 100 знаков · The name is 1 to 100 characters");
        }
        try {
            var account = accounts.add(actor.workspaceId(), served, provider, name.strip(),
                    MessengerForms.settings(factory.settingsType(), form), factory.defaultRatePerSecond());
            redirect.addFlashAttribute("saved", account.name());
            return "redirect:" + PAGE + "/" + account.id();
        } catch (RuleViolationException | IllegalArgumentException e) {
            return problem(redirect, PAGE, e.getMessage());
        }
    }

    @PostMapping("/{messengerAccountId}")
    String update(Actor actor, @PathVariable UUID messengerAccountId, @RequestParam(defaultValue = "") String name,
                  @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        var account = messenger(actor, messengerAccountId);
        var factory = providers.find(account.provider()).orElseThrow();
        if (name.isBlank() || name.length() > 100) {
            return problem(redirect, PAGE + "/" + messengerAccountId, "Название — от 1 до 100 знаков · The name is 1 to 100 characters");
        }
        try {
            accounts.update(actor.workspaceId(), messengerAccountId, name.strip(), MessengerForms.settings(factory.settingsType(), form));
            redirect.addFlashAttribute("saved", name.strip());
        } catch (RuleViolationException | IllegalArgumentException e) {
            return problem(redirect, PAGE + "/" + messengerAccountId, e.getMessage());
        }
        return "redirect:" + PAGE + "/" + messengerAccountId;
    }

    @PostMapping("/{messengerAccountId}/enabled")
    String enabled(Actor actor, @PathVariable UUID messengerAccountId, @RequestParam(defaultValue = "false") boolean enabled,
                   RedirectAttributes redirect) {
        messenger(actor, messengerAccountId);
        accounts.setEnabled(actor.workspaceId(), messengerAccountId, enabled);
        redirect.addFlashAttribute("switched", enabled);
        return "redirect:" + PAGE + "/" + messengerAccountId;
    }

    @PostMapping("/{messengerAccountId}/test")
    String test(Actor actor, @PathVariable UUID messengerAccountId, RedirectAttributes redirect) {
        var account = messenger(actor, messengerAccountId);
        redirect.addFlashAttribute("check", providers.check(account).test(account));
        return "redirect:" + PAGE + "/" + messengerAccountId;
    }

    @PostMapping("/{messengerAccountId}/webhook")
    String webhook(Actor actor, @PathVariable UUID messengerAccountId, RedirectAttributes redirect) {
        var account = messenger(actor, messengerAccountId);
        redirect.addFlashAttribute("check", providers.check(account).registerWebhook(account, webhooks.forAccount(account)));
        return "redirect:" + PAGE + "/" + messengerAccountId;
    }

    private String page(Actor actor, @Nullable ChannelAccount selected, Model model, Locale locale) {
        var workspace = actor.workspaceId();
        model.addAttribute("accounts", accounts.list(workspace).stream().filter(a -> providers.find(a.provider()).isPresent())
                .sorted(Comparator.comparing(ChannelAccount::channel).thenComparing(ChannelAccount::name)).toList());
        model.addAttribute("providers", providers.all().stream()
                .map(f -> new MessengerProviders.Offered(f.provider(), f.channel(), MessengerForms.fields(f.settingsType(), null, locale)))
                .toList());
        model.addAttribute("channels", List.of(Channel.TELEGRAM, Channel.WHATSAPP, Channel.VIBER, Channel.VK, Channel.MAX,
                Channel.SMS, Channel.EMAIL, Channel.PUSH));
        model.addAttribute("selected", selected);
        if (selected != null) {
            var factory = providers.find(selected.provider()).orElseThrow();
            model.addAttribute("fields", MessengerForms.fields(factory.settingsType(), selected, locale));
            model.addAttribute("health", accounts.health(workspace, selected.id()));
            model.addAttribute("webhook", webhooks.forAccount(selected).toString());
            model.addAttribute("enabled", accounts.isEnabled(workspace, selected.id()));
        }
        return "settings/messengers";
    }

    /** The workspace's account, if its provider is a messenger this page manages; 404 otherwise. */
    private ChannelAccount messenger(Actor actor, UUID messengerAccountId) {
        return accounts.find(actor.workspaceId(), messengerAccountId).filter(a -> providers.find(a.provider()).isPresent())
                .orElseThrow(() -> new NotFoundException("Messenger account", messengerAccountId));
    }

    private static String problem(RedirectAttributes redirect, String page, @Nullable String message) {
        redirect.addFlashAttribute("problem", message == null ? "Не получилось · Failed" : message);
        return "redirect:" + page;
    }
}
