package io.beseda.channel.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.ConnectionCheck;
import io.beseda.channel.WebhookUrls;
import io.beseda.consent.Channel;
import io.beseda.shared.NotFoundException;
import io.beseda.shared.Problems;
import io.beseda.workspace.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The messenger accounts of Настройки → Мессенджеры over REST: settings come back with secrets masked, and
 * a secret left out of an update keeps its stored value.
 */
@RestController
@RequestMapping("/api/v1/messenger-accounts")
@Tag(name = "Messengers", description = "Telegram, WhatsApp, Viber, VK and MAX accounts: credentials, webhook, health")
class MessengerAccountsApiController {

    record NewAccount(@NotBlank String provider, @Nullable Channel channel, @NotBlank @Size(max = 100) String name,
                      @Nullable Map<String, Object> settings) {
    }

    record AccountChange(@NotBlank @Size(max = 100) String name, @Nullable Map<String, Object> settings) {
    }

    record Switch(@NotNull Boolean enabled) {
    }

    record View(UUID id, Channel channel, String provider, String name, boolean enabled, Map<String, Object> settings,
                URI webhook, @Nullable Instant lastInboundAt, @Nullable String lastError, @Nullable Instant lastErrorAt) {
    }

    private final ChannelAccounts accounts;
    private final MessengerProviders providers;
    private final WebhookUrls webhooks;

    MessengerAccountsApiController(ChannelAccounts accounts, MessengerProviders providers, WebhookUrls webhooks) {
        this.accounts = accounts;
        this.providers = providers;
        this.webhooks = webhooks;
    }

    @GetMapping
    @Operation(summary = "The workspace's messenger accounts with their health")
    List<View> list(Actor actor) {
        return accounts.list(actor.workspaceId()).stream().filter(a -> providers.find(a.provider()).isPresent())
                .map(a -> view(actor, a)).toList();
    }

    @PostMapping
    @Operation(summary = "Connect a messenger account",
            description = "provider: telegram, whatsapp, viber, vk, max or sandbox; channel only for a provider that serves any "
                    + "(the sandbox). settings: the provider's fields (see docs/channels/*.md).")
    ResponseEntity<View> create(Actor actor, @Valid @RequestBody NewAccount request) {
        var factory = providers.find(request.provider()).orElseThrow(() -> badField("provider", "is not a messenger provider"));
        var channel = factory.channel() != null ? factory.channel() : request.channel();
        if (channel == null || channel == Channel.WEBCHAT) {
            throw badField("channel", "is required for provider '" + request.provider() + "' and may not be WEBCHAT");
        }
        var account = accounts.add(actor.workspaceId(), channel, factory.provider(), request.name().strip(),
                request.settings() == null ? Map.of() : request.settings(), factory.defaultRatePerSecond());
        return ResponseEntity.created(URI.create("/api/v1/messenger-accounts/" + account.id())).body(view(actor, account));
    }

    @GetMapping("/{messengerAccountId}")
    @Operation(summary = "One messenger account")
    View get(Actor actor, @PathVariable UUID messengerAccountId) {
        return view(actor, messenger(actor, messengerAccountId));
    }

    @PutMapping("/{messengerAccountId}")
    @Operation(summary = "Rename the account and replace its settings; a secret left out (or empty) keeps its stored value")
    View update(Actor actor, @PathVariable UUID messengerAccountId, @Valid @RequestBody AccountChange request) {
        messenger(actor, messengerAccountId);
        return view(actor, accounts.update(actor.workspaceId(), messengerAccountId, request.name().strip(),
                request.settings() == null ? Map.of() : request.settings()).orElseThrow());
    }

    @PutMapping("/{messengerAccountId}/enabled")
    @Operation(summary = "Switch the account on or off: an account that is off sends nothing and its webhook refuses everything")
    View enabled(Actor actor, @PathVariable UUID messengerAccountId, @Valid @RequestBody Switch request) {
        messenger(actor, messengerAccountId);
        accounts.setEnabled(actor.workspaceId(), messengerAccountId, request.enabled());
        return view(actor, messenger(actor, messengerAccountId));
    }

    @PostMapping("/{messengerAccountId}/test")
    @Operation(summary = "Call the provider with the account's credentials and say who the bot is or what is wrong")
    ConnectionCheck.Result test(Actor actor, @PathVariable UUID messengerAccountId) {
        var account = messenger(actor, messengerAccountId);
        return providers.check(account).test(account);
    }

    @PostMapping("/{messengerAccountId}/webhook")
    @Operation(summary = "Register Beseda's webhook with the provider where its API allows it, else say what to paste where")
    ConnectionCheck.Result webhook(Actor actor, @PathVariable UUID messengerAccountId) {
        var account = messenger(actor, messengerAccountId);
        return providers.check(account).registerWebhook(account, webhooks.forAccount(account));
    }

    private View view(Actor actor, ChannelAccount account) {
        var health = accounts.health(actor.workspaceId(), account.id());
        return new View(account.id(), account.channel(), account.provider(), account.name(), accounts.isEnabled(actor.workspaceId(), account.id()),
                accounts.redactedSettings(account), webhooks.forAccount(account), health.lastInboundAt(), health.lastError(), health.lastErrorAt());
    }

    private ChannelAccount messenger(Actor actor, UUID id) {
        return accounts.find(actor.workspaceId(), id).filter(a -> providers.find(a.provider()).isPresent())
                .orElseThrow(() -> new NotFoundException("Messenger account", id));
    }

    private static ErrorResponseException badField(String field, String message) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST,
                Problems.badField("Validation failed", "'" + field + "' " + message, field, message), null);
    }
}
