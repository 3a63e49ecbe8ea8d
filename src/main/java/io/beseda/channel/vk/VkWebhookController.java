package io.beseda.channel.vk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.shared.Problems;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Callback API server of each VK account, at {@code /webhooks/vk/{account id}}. VK does not sign the body; it
 * puts the secret key given with the server into every event, so the event is read only as far as its
 * {@code secret} and {@code group_id} until both match the account (compared in constant time): anything else is
 * refused with 403 before a single thing is stored. The one exception is {@code confirmation}, VK's check that
 * the address is the community's, which is answered with the confirmation string when its {@code group_id} is the
 * account's. Accepted events are answered with the plain text {@code ok} after what they brought is committed;
 * VK delivers an event again until it gets that.
 */
@RestController
class VkWebhookController {

    private static final Logger log = LoggerFactory.getLogger(VkWebhookController.class);

    private final ChannelAccounts accounts;
    private final VkInbound inbound;
    private final VkReceipts receipts;
    private final VkCustomerSignals signals;
    private final VkCallbackServers servers;
    private final JsonMapper json;

    VkWebhookController(ChannelAccounts accounts, VkInbound inbound, VkReceipts receipts, VkCustomerSignals signals,
                        VkCallbackServers servers, JsonMapper json) {
        this.accounts = accounts;
        this.inbound = inbound;
        this.receipts = receipts;
        this.signals = signals;
        this.servers = servers;
        this.json = json;
    }

    @PostMapping(path = "/webhooks/vk/{accountId}")
    ResponseEntity<?> receive(@PathVariable UUID accountId, @RequestBody(required = false) byte @Nullable [] body) {
        var account = accounts.forWebhook(accountId, VkConnectorFactory.PROVIDER).orElse(null);
        var event = body == null ? null : read(body);
        if (account == null || event == null) {
            // one answer for an unknown account and an unreadable body: the URL tells a prober nothing
            return refused();
        }
        var settings = accounts.settings(account, VkSettings.class);
        var type = event.path("type").asString("");
        if (!ofThisCommunity(event, settings)) {
            return refused();
        }
        if (type.equals("confirmation")) {
            return confirm(account, settings, event);
        }
        if (!carriesSecret(event, settings)) {
            return refused();
        }
        try {
            handle(account, settings, type, event);
        } catch (VkRefusal e) {
            return problem(e.status(), e.title(), e.getMessage());
        }
        return plain("ok");
    }

    private void handle(ChannelAccount account, VkSettings settings, String type, JsonNode event) {
        var object = event.path("object");
        var eventId = event.path("event_id").asString("");
        switch (type) {
            case "message_new", "message_event" -> {
                if (eventId.isBlank() || !object.isObject()) {
                    throw new VkRefusal(HttpStatus.BAD_REQUEST, "Malformed event", type + " needs event_id and object");
                }
                if (type.equals("message_new")) {
                    inbound.messageNew(account, settings, eventId, object);
                } else {
                    inbound.messageEvent(account, settings, eventId, object);
                }
            }
            case "message_reply" -> receipts.replied(account, settings, object);
            case "message_read" -> receipts.read(account, settings, object);
            case "message_deny" -> signals.denied(account, object);
            case "message_allow" -> signals.allowed(account, object);
            case "message_typing_state" -> signals.typing(account, object);
            // events the server was not registered for (an admin ticked more boxes): taken so VK stops repeating them
            default -> log.debug("VK event {} for account {} is not used", type, account.id());
        }
    }

    private ResponseEntity<?> confirm(ChannelAccount account, VkSettings settings, JsonNode event) {
        var secret = event.path("secret");
        if (secret.isString() && !matches(secret.stringValue(), settings.callbackSecret())) {
            return refused();
        }
        try {
            return plain(servers.confirmationCode(account, settings));
        } catch (VkException e) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "No confirmation string",
                    "The account has no confirmation string and VK did not give it: " + e.getMessage());
        }
    }

    private @Nullable JsonNode read(byte[] body) {
        try {
            var tree = json.readTree(body);
            return tree != null && tree.isObject() ? tree : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static boolean ofThisCommunity(JsonNode event, VkSettings settings) {
        return event.path("group_id").isNumber() && event.get("group_id").asLong() == settings.groupId();
    }

    private static boolean carriesSecret(JsonNode event, VkSettings settings) {
        var secret = event.path("secret");
        return secret.isString() && matches(secret.stringValue(), settings.callbackSecret());
    }

    private static boolean matches(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<?> refused() {
        return problem(HttpStatus.FORBIDDEN, "Secret refused",
                "The event does not carry this account's Callback API secret key and community id");
    }

    private static ResponseEntity<String> plain(String text) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8)).body(text);
    }

    private static ResponseEntity<?> problem(HttpStatus status, String title, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, title, detail));
    }
}
