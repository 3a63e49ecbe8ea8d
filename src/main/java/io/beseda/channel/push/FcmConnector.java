package io.beseda.channel.push;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import io.beseda.channel.ChannelConnector;
import io.beseda.channel.Delivery;
import io.beseda.channel.SendResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a message to every app installation the shop registered for the customer through FCM HTTP v1
 * ({@code projects/<id>/messages:send}, one call per token). Sent once one device has it; UNREGISTERED (404)
 * removes the token; 429 and 5xx wait for a retry with FCM's Retry-After; other refusals are final.
 */
final class FcmConnector implements ChannelConnector {

    static final String TARGET = "fcm";

    private final FcmSettings settings;
    private final GoogleServiceAccount account;
    private final FcmProperties properties;
    private final FcmAccessTokens tokens;
    private final PushDevices devices;
    private final PushDeliveries deliveries;
    private final RestClient http;
    private final JsonMapper json;

    FcmConnector(FcmSettings settings, GoogleServiceAccount account, FcmProperties properties, FcmAccessTokens tokens,
                 PushDevices devices, PushDeliveries deliveries, RestClient http, JsonMapper json) {
        this.settings = settings;
        this.account = account;
        this.properties = properties;
        this.tokens = tokens;
        this.devices = devices;
        this.deliveries = deliveries;
        this.http = http;
        this.json = json;
    }

    @Override
    public SendResult send(Delivery delivery) {
        var phones = devices.of(delivery.workspaceId(), delivery.customer());
        var providerId = TARGET + ":" + delivery.messageId().value();
        var reached = deliveries.reached(delivery.messageId());
        if (phones.stream().anyMatch(p -> reached.contains(p.id()))) {
            return new SendResult.Sent(providerId);
        }
        if (phones.isEmpty()) {
            return new SendResult.Permanent("The shop has registered no app installation (FCM token) for the customer");
        }
        String accessToken;
        try {
            accessToken = tokens.token(account);
        } catch (FcmAccessTokens.Refused e) {
            return new SendResult.Permanent(e.getMessage());
        } catch (RestClientException e) {
            return new SendResult.Transient("Google's token endpoint: " + e.getMessage(), null);
        }
        var notification = PushNotification.of(delivery.subject() != null ? delivery.subject() : settings.title(), delivery.body(), "", null);
        var outcome = new PushAnswer.Outcome();
        for (var phone : phones) {
            var token = PushDeliveries.newToken();
            var answer = post(accessToken, message(delivery, notification, phone.token(), token));
            switch (answer.kind()) {
                case TAKEN -> {
                    deliveries.sent(delivery.workspaceId(), delivery.messageId(), providerId, TARGET, phone.id(), token,
                            notification.link());
                    outcome.taken();
                }
                case GONE -> devices.remove(delivery.workspaceId(), phone.id());
                case LATER, REFUSED -> outcome.add(answer);
            }
        }
        return outcome.result(providerId, "Every app installation of the customer is unregistered (FCM answered UNREGISTERED)");
    }

    /** The HTTP v1 message: a notification, plus the tracking links in data for the app to call. */
    private Map<String, Object> message(Delivery delivery, PushNotification notification, String deviceToken, String token) {
        var shown = new LinkedHashMap<String, Object>();
        shown.put("title", notification.title());
        shown.put("body", notification.body());
        delivery.attachments().stream().filter(a -> a.image()).findFirst()
                .ifPresent(image -> shown.put("image", deliveries.absolute(image.url())));
        var data = new LinkedHashMap<String, String>();
        data.put("beseda_message_id", delivery.messageId().value().toString());
        data.put("beseda_click_url", deliveries.clickUrl(token));
        data.put("beseda_shown_url", deliveries.shownUrl(token));
        if (!notification.link().isEmpty()) {
            data.put("link", notification.link());
        }
        var message = new LinkedHashMap<String, Object>();
        message.put("token", deviceToken);
        message.put("notification", shown);
        message.put("data", data);
        message.put("android", Map.of("ttl", properties.ttl().toSeconds() + "s"));
        message.put("apns", Map.of("headers", Map.of("apns-expiration",
                String.valueOf(java.time.Instant.now().plus(properties.ttl()).getEpochSecond()))));
        return Map.of("message", message);
    }

    private PushAnswer post(String accessToken, Map<String, Object> message) {
        try {
            return http.post().uri(properties.baseUrl() + "/v1/projects/{project}/messages:send", settings.projectId())
                    .header("Authorization", "Bearer " + accessToken).contentType(MediaType.APPLICATION_JSON)
                    .body(json.writeValueAsString(message))
                    .exchange((request, response) -> answer(response.getStatusCode().value(),
                            new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8),
                            response.getHeaders().getFirst("Retry-After")));
        } catch (RestClientException e) {
            return PushAnswer.later("FCM unreachable: " + e.getMessage(), null);
        }
    }

    /** FCM's documented errors: google.firebase.fcm.v1.FcmError's errorCode, else the status. */
    private PushAnswer answer(int status, String body, @org.jspecify.annotations.Nullable String retryAfter) {
        if (status == 200) {
            return PushAnswer.TAKEN;
        }
        var error = errorCode(body);
        var said = "FCM answered " + status + " " + error;
        if ("UNREGISTERED".equals(error) || status == 404) {
            return PushAnswer.GONE;
        }
        if (status == 429 || status >= 500) {
            return PushAnswer.later(said, io.beseda.channel.RetryAfter.parse(retryAfter, java.time.Instant.now()));
        }
        if (status == 401) {
            tokens.forget(account);
            return PushAnswer.later(said + " (the access token was refused; a new one is taken on the retry)", null);
        }
        return PushAnswer.refused(said);
    }

    private String errorCode(String body) {
        JsonNode error;
        try {
            error = json.readTree(body).path("error");
        } catch (RuntimeException e) {
            return "";
        }
        for (var detail : error.path("details")) {
            if (detail.path("errorCode").isString()) {
                return detail.path("errorCode").asString();
            }
        }
        return error.path("status").asString("");
    }
}
