package io.beseda.bot.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.bot.BotSettings;
import io.beseda.bot.BotTexts;
import io.beseda.workspace.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/bot/settings")
@Tag(name = "Bot", description = "The bot's settings and texts, the shop's own intent examples and its knowledge base")
class BotSettingsApiController {

    /** The bot's settings with every text it says, keyed as {@code BotTexts} lists them. */
    record SettingsView(boolean enabled, double confidenceThreshold, Map<String, BotText> texts) {
    }

    record SettingsRequest(@NotNull Boolean enabled,
                           @NotNull @DecimalMin("0.05") @DecimalMax("0.95") @Digits(integer = 1, fraction = 2) Double confidenceThreshold,
                           @Schema(description = "The shop's own texts by key; omit to keep the texts as they are")
                           @Nullable Map<String, @Nullable String> texts) {
    }

    private static final int MAX_TEXT = 4000;

    private final BotSettings settings;

    BotSettingsApiController(BotSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    @Operation(summary = "Whether the bot takes new conversations, how sure it must be of an intent, and every text it says",
            description = "Each text has what the bot says now (text), whether the shop rewrote it (rewritten), the shipped "
                    + "text (shipped) and the {placeholders} the bot fills in.")
    SettingsView get(Actor actor) {
        return view(settings.of(actor.workspaceId()));
    }

    @PutMapping
    @Operation(summary = "Replace the settings and the shop's own texts",
            description = "texts, when given, are all the texts the shop rewrites, as {key: text}: a key left out, blank or "
                    + "equal to the shipped text says the shipped text (and later improvements to it). Omit texts to keep them "
                    + "as they are. confidenceThreshold is 0.05 to 0.95 in steps of 0.01; a text is at most 4000 characters.")
    SettingsView replace(Actor actor, @Valid @RequestBody SettingsRequest request) {
        BotEditors.checkApi(actor);
        var workspace = actor.workspaceId();
        var texts = request.texts() == null ? settings.of(workspace).texts() : checked(request.texts());
        return view(settings.save(workspace, request.enabled(), request.confidenceThreshold(), texts));
    }

    private static Map<String, String> checked(Map<String, @Nullable String> texts) {
        var checked = new LinkedHashMap<String, String>();
        texts.forEach((key, text) -> {
            if (!BotTexts.DEFAULTS.containsKey(key)) {
                throw BadField.of("texts." + key, "is not a bot text; the texts are " + String.join(", ", BotTexts.DEFAULTS.keySet()));
            }
            if (text != null && text.length() > MAX_TEXT) {
                throw BadField.of("texts." + key, "must be at most " + MAX_TEXT + " characters");
            }
            checked.put(key, text == null ? "" : text);
        });
        return checked;
    }

    private static SettingsView view(BotSettings.Settings settings) {
        return new SettingsView(settings.enabled(), settings.confidenceThreshold(), BotText.all(settings));
    }
}
