package io.beseda.channel.vk;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.json.JsonMapper;

/** Plays VK's Callback API: builds events in VK's envelope and posts them to an account's webhook. */
final class VkCallbacks {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json;
    private final int port;

    VkCallbacks(JsonMapper json, int port) {
        this.json = json;
        this.port = port;
    }

    /** {@code {"type", "event_id", "v", "object", "group_id", "secret"}}, as VK posts it; a null secret is left out. */
    String event(String type, String eventId, Object object, long group, @Nullable String secret) {
        var event = new LinkedHashMap<String, Object>();
        event.put("type", type);
        event.put("event_id", eventId);
        event.put("v", "5.199");
        event.put("object", object);
        event.put("group_id", group);
        if (secret != null) {
            event.put("secret", secret);
        }
        return json.writeValueAsString(event);
    }

    String event(String type, String eventId, Object object) {
        return event(type, eventId, object, VkStandIn.GROUP, VkStandIn.SECRET);
    }

    /** A {@code message_new} object: the message with VK's fields, and the client's abilities. */
    static Map<String, Object> messageNew(long from, long id, Map<String, Object> extra) {
        var message = new LinkedHashMap<String, Object>();
        message.put("date", 1732363200);
        message.put("from_id", from);
        message.put("id", id);
        message.put("out", 0);
        message.put("version", 10000123);
        message.put("attachments", java.util.List.of());
        message.put("conversation_message_id", id);
        message.put("fwd_messages", java.util.List.of());
        message.put("important", false);
        message.put("is_hidden", false);
        message.put("peer_id", from);
        message.put("random_id", 0);
        message.put("text", "");
        message.putAll(extra);
        return Map.of("message", message, "client_info", Map.of("button_actions",
                java.util.List.of("text", "vkpay", "open_app", "location", "open_link", "callback", "intent_subscribe"),
                "keyboard", true, "inline_keyboard", true, "carousel", true, "lang_id", 0));
    }

    HttpResponse<String> post(UUID account, String body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/vk/" + account))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
