package io.beseda.conversation.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.beseda.channel.Attachment;
import io.beseda.channel.Attachments;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.SmsParts;
import io.beseda.channel.MessageTemplates;
import io.beseda.channel.QuickReply;
import io.beseda.conversation.ConversationMessage;
import io.beseda.conversation.ConversationStatus;
import io.beseda.conversation.Conversations;
import io.beseda.shared.RuleViolationException;
import io.beseda.workspace.Actor;

/**
 * What an operator sends from a conversation: a reply (with files and up to three buttons), an approved
 * WhatsApp template (the only thing WhatsApp takes 24 hours after the customer last wrote), a private note,
 * a status change, and «typing…». The page posts with {@value #FRAGMENT} and gets the new message
 * (or the redrawn header) back, or 422 with the reason in words; a plain form post is redirected as before.
 */
@Controller
class ComposerController {

    static final String FRAGMENT = "X-Inbox";
    static final int MAX_TEXT = 4096;
    static final int MAX_BUTTONS = 3;
    private static final int MAX_FILES = 5;
    private static final String PARAMETER = "parameter.";

    private final Conversations conversations;
    private final Attachments attachments;
    private final ThreadQuery thread;
    private final ThreadPanels panels;
    private final MessageSource messages;
    private final OperatorTypingThrottle typing;
    private final WhatsAppTemplates whatsApp;
    private final MessageTemplates templates;
    private final ChannelAccounts accounts;

    ComposerController(Conversations conversations, Attachments attachments, ThreadQuery thread, ThreadPanels panels,
                       MessageSource messages, OperatorTypingThrottle typing, WhatsAppTemplates whatsApp,
                       MessageTemplates templates, ChannelAccounts accounts) {
        this.accounts = accounts;
        this.whatsApp = whatsApp;
        this.templates = templates;
        this.conversations = conversations;
        this.attachments = attachments;
        this.thread = thread;
        this.panels = panels;
        this.messages = messages;
        this.typing = typing;
    }

    @PostMapping("/inbox/{conversationId}/replies")
    String reply(Actor actor, @PathVariable UUID conversationId, @RequestParam(defaultValue = "") String text,
                 @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
                 @RequestParam(name = "quickReply", required = false) @Nullable List<String> buttons,
                 @RequestHeader(name = FRAGMENT, required = false) @Nullable String fragment, Locale locale, Model model,
                 RedirectAttributes redirect, HttpServletResponse response) {
        var conversation = conversations.get(actor.workspaceId(), conversationId);
        return answer(actor, fragment != null, conversationId, locale, model, redirect, response, () -> {
            if (whatsApp.windowClosed(actor.workspaceId(), conversation)) {
                // WhatsApp would refuse it: better said now than as a failed message later
                throw new RuleViolationException("inbox.whatsapp.window-closed",
                        "More than 24 hours since the customer last wrote on WhatsApp: send an approved template");
            }
            checkLength(text);
            var quickReplies = quickReplies(buttons);
            return conversations.reply(actor, conversationId, text, store(actor, files), quickReplies);
        });
    }

    /**
     * What the SMS being typed costs, for the composer of an SMS thread: parts, encoding and price at the workspace's
     * SMS account's price per part (or {@link SmsParts#DEFAULT_PRICE_PER_PART}).
     */
    @org.springframework.web.bind.annotation.GetMapping(path = "/inbox/sms-parts", produces = "application/json")
    @org.springframework.web.bind.annotation.ResponseBody
    Map<String, Object> smsParts(Actor actor, @RequestParam(defaultValue = "") String text, Locale locale) {
        var parts = SmsParts.of(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
        var price = accounts.forChannel(actor.workspaceId(), io.beseda.consent.Channel.SMS)
                .map(account -> account.settings().get("pricePerPart")).filter(p -> p != null && !String.valueOf(p).isBlank())
                .map(p -> new java.math.BigDecimal(String.valueOf(p))).orElse(SmsParts.DEFAULT_PRICE_PER_PART);
        var cost = parts.cost(price).setScale(2, java.math.RoundingMode.HALF_UP);
        var money = java.text.NumberFormat.getNumberInstance(locale);
        money.setMinimumFractionDigits(2);
        money.setMaximumFractionDigits(2);
        int n = parts.parts();
        var form = !"ru".equals(locale.getLanguage()) ? (n == 1 ? "one" : "many")
                : n % 10 == 1 && n % 100 != 11 ? "one" : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? "few" : "many";
        var label = messages.getMessage("inbox.sms.parts", new Object[] {n, parts.encoding().label(), money.format(cost),
                messages.getMessage("inbox.sms.part." + form, null, locale)}, locale);
        return Map.of("parts", parts.parts(), "encoding", parts.encoding().label(), "charactersLeft", parts.charactersLeft(),
                "cost", cost, "label", label);
    }

    /** An approved WhatsApp template, its parameters posted as {@code parameter.<name>} fields. */
    @PostMapping("/inbox/{conversationId}/templates")
    String template(Actor actor, @PathVariable UUID conversationId, @RequestParam UUID templateId,
                    @RequestParam Map<String, String> form,
                    @RequestHeader(name = FRAGMENT, required = false) @Nullable String fragment, Locale locale, Model model,
                    RedirectAttributes redirect, HttpServletResponse response) {
        conversations.get(actor.workspaceId(), conversationId);
        return answer(actor, fragment != null, conversationId, locale, model, redirect, response, () -> {
            var template = templates.find(actor.workspaceId(), templateId).orElseThrow(() -> new RuleViolationException(
                    "inbox.template.unknown", "No approved template " + templateId));
            var values = new LinkedHashMap<String, String>();
            form.forEach((field, value) -> {
                if (field.startsWith(PARAMETER)) {
                    checkLength(value);
                    values.put(field.substring(PARAMETER.length()), value);
                }
            });
            return conversations.replyWithTemplate(actor, conversationId, template, values);
        });
    }

    @PostMapping("/inbox/{conversationId}/notes")
    String note(Actor actor, @PathVariable UUID conversationId, @RequestParam(defaultValue = "") String text,
                @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
                @RequestHeader(name = FRAGMENT, required = false) @Nullable String fragment, Locale locale, Model model,
                RedirectAttributes redirect, HttpServletResponse response) {
        conversations.get(actor.workspaceId(), conversationId);
        return answer(actor, fragment != null, conversationId, locale, model, redirect, response, () -> {
            checkLength(text);
            return conversations.note(actor, conversationId, text, store(actor, files));
        });
    }

    @PostMapping("/inbox/{conversationId}/status")
    String status(Actor actor, @PathVariable UUID conversationId, @RequestParam ConversationStatus status,
                  @RequestHeader(name = FRAGMENT, required = false) @Nullable String fragment, Model model,
                  RedirectAttributes redirect) {
        var changed = conversations.setStatus(actor, conversationId, status);
        if (fragment == null) {
            redirect.addFlashAttribute("notice", "inbox.status-changed");
            redirect.addFlashAttribute("noticeArg", "");
            return "redirect:/inbox/" + conversationId;
        }
        model.addAttribute("header", panels.header(actor.workspaceId(), changed));
        model.addAttribute("statuses", List.of(ConversationStatus.values()));
        return "conversation/thread-parts :: header";
    }

    /** Channels that can show it (the web chat) tell the customer the shop is typing; at most every few seconds. */
    @PostMapping("/inbox/{conversationId}/typing")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void typing(Actor actor, @PathVariable UUID conversationId) {
        var conversation = conversations.get(actor.workspaceId(), conversationId);
        typing.typing(actor, conversation);
    }

    private String answer(Actor actor, boolean fragment, UUID conversationId, Locale locale, Model model, RedirectAttributes redirect,
                          HttpServletResponse response, Supplier<ConversationMessage> action) {
        try {
            var message = action.get();
            if (!fragment) {
                redirect.addFlashAttribute("notice", message.direction() == ConversationMessage.Direction.NOTE ? "inbox.noted" : "inbox.replied");
                redirect.addFlashAttribute("noticeArg", "");
                return "redirect:/inbox/" + conversationId;
            }
            model.addAttribute("messages", thread.messages(actor.workspaceId(), conversationId, null, List.of(message.id()), locale));
            return "conversation/thread-parts :: messages";
        } catch (RuleViolationException e) {
            if (!fragment) {
                redirect.addFlashAttribute("error", e.code());
                return "redirect:/inbox/" + conversationId;
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("error", messages.getMessage(e.code(), new Object[] {attachments.maxBytes() / (1024 * 1024)}, e.getMessage(), locale));
            return "conversation/thread-parts :: error";
        }
    }

    private List<Attachment> store(Actor actor, @Nullable List<MultipartFile> files) {
        var chosen = files == null ? List.<MultipartFile>of()
                : files.stream().filter(f -> !f.isEmpty() || (f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank())).toList();
        if (chosen.size() > MAX_FILES) {
            throw new RuleViolationException("inbox.files.too-many", "At most " + MAX_FILES + " files at once");
        }
        var stored = new ArrayList<Attachment>();
        for (var file : chosen) {
            try {
                stored.add(attachments.store(actor.workspaceId(), file.getOriginalFilename(), file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stored;
    }

    private static List<QuickReply> quickReplies(@Nullable List<String> titles) {
        var given = titles == null ? List.<String>of() : titles.stream().filter(t -> !t.isBlank()).map(String::strip).toList();
        if (given.size() > MAX_BUTTONS) {
            throw new RuleViolationException("inbox.quick-reply.too-many", "At most " + MAX_BUTTONS + " buttons");
        }
        if (given.stream().anyMatch(t -> t.length() > 64)) {
            throw new RuleViolationException("inbox.quick-reply.too-long", "A button's title is at most 64 characters");
        }
        return given.stream().map(t -> new QuickReply(t, t)).toList();
    }

    private static void checkLength(String text) {
        if (text.length() > MAX_TEXT) {
            throw new RuleViolationException("inbox.text.too-long", "At most " + MAX_TEXT + " characters");
        }
    }
}
