package io.beseda.channel.push;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import com.zerodeplibs.webpush.PushSubscription;
import com.zerodeplibs.webpush.header.Urgency;
import com.zerodeplibs.webpush.httpclient.StandardHttpClientRequestPreparer;

import io.beseda.channel.ChannelConnector;
import io.beseda.channel.Delivery;
import io.beseda.channel.SendResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a message to every browser the customer subscribed in, each as an aes128gcm-encrypted payload
 * (RFC 8291) with a VAPID authorization (RFC 8292), a TTL and an Urgency. The message is sent once one
 * browser has it; a push service that has lost the subscription (404, 410) gets it removed; when no browser
 * took it and one was busy (429 with its Retry-After) or down (5xx, network), the message waits for a retry.
 */
final class WebPushConnector implements ChannelConnector {

    static final String TARGET = "webpush";

    private final WebPushSettings settings;
    private final WebPushProperties properties;
    private final VapidKeys keys;
    private final PushSubscriptions subscriptions;
    private final PushDeliveries deliveries;
    private final HttpClient http;
    private final JsonMapper json;

    WebPushConnector(WebPushSettings settings, WebPushProperties properties, VapidKeys keys, PushSubscriptions subscriptions,
                     PushDeliveries deliveries, HttpClient http, JsonMapper json) {
        this.settings = settings;
        this.properties = properties;
        this.keys = keys;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.http = http;
        this.json = json;
    }

    @Override
    public SendResult send(Delivery delivery) {
        var browsers = subscriptions.of(delivery.workspaceId(), delivery.customer());
        var providerId = TARGET + ":" + delivery.messageId().value();
        var reached = deliveries.reached(delivery.messageId());
        if (browsers.stream().anyMatch(b -> reached.contains(b.id()))) {
            return new SendResult.Sent(providerId);
        }
        var notification = PushNotification.of(delivery.subject() != null ? delivery.subject() : settings.title(), delivery.body(), settings.siteUrl(), settings.iconUrl());
        var outcome = new PushAnswer.Outcome();
        for (var browser : browsers) {
            var token = PushDeliveries.newToken();
            var answer = post(delivery, browser, payload(delivery, notification, token));
            switch (answer.kind()) {
                case TAKEN -> {
                    deliveries.sent(delivery.workspaceId(), delivery.messageId(), providerId, TARGET, browser.id(), token,
                            notification.link());
                    outcome.taken();
                }
                case GONE -> subscriptions.remove(delivery.workspaceId(), browser.id());
                case LATER, REFUSED -> outcome.add(answer);
            }
        }
        return outcome.result(providerId, browsers.isEmpty() ? "The customer has not subscribed to web push in any browser"
                : "Every browser of the customer has unsubscribed from web push (the push services answered 404/410)");
    }

    private byte[] payload(Delivery delivery, PushNotification notification, String token) {
        var body = new LinkedHashMap<String, Object>();
        body.put("title", notification.title());
        body.put("body", notification.body());
        body.put("url", deliveries.clickUrl(token));
        body.put("shown", deliveries.shownUrl(token));
        body.put("tag", delivery.messageId().value().toString());
        if (notification.icon() != null) {
            body.put("icon", notification.icon());
        }
        delivery.attachments().stream().filter(a -> a.image()).findFirst()
                .ifPresent(image -> body.put("image", deliveries.absolute(image.url())));
        return json.writeValueAsBytes(body);
    }

    private PushAnswer post(Delivery delivery, PushSubscriptions.Subscription browser, byte[] payload) {
        var subscription = new PushSubscription();
        subscription.setEndpoint(browser.endpoint());
        var subscriptionKeys = new PushSubscription.Keys();
        subscriptionKeys.setP256dh(browser.p256dh());
        subscriptionKeys.setAuth(browser.auth());
        subscription.setKeys(subscriptionKeys);
        try {
            var request = StandardHttpClientRequestPreparer.getBuilder()
                    .pushSubscription(subscription)
                    .vapidJWTExpiresAfter(12, TimeUnit.HOURS)
                    .vapidJWTSubject(settings.subject())
                    .pushMessage(payload)
                    .ttl(properties.ttl().toSeconds(), TimeUnit.SECONDS)
                    .urgency(urgency())
                    .build(keys.pair(delivery.workspaceId()))
                    .toRequestBuilder().timeout(properties.timeout()).build();
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return answer(response);
        } catch (IOException e) {
            return PushAnswer.later("Push service unreachable: " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PushAnswer.later("Interrupted while sending", null);
        } catch (RuntimeException e) {
            return PushAnswer.refused("The subscription cannot be encrypted to: " + e.getMessage());
        }
    }

    /** RFC 8030: 201 taken; 404/410 the subscription is gone; 429 and 5xx later; 413 and other 4xx never. */
    private static PushAnswer answer(HttpResponse<String> response) {
        var status = response.statusCode();
        var said = "push service answered " + status + (response.body().isBlank() ? "" : ": " + clip(response.body()));
        if (status >= 200 && status < 300) {
            return PushAnswer.TAKEN;
        }
        if (status == 404 || status == 410) {
            return PushAnswer.GONE;
        }
        if (status == 429 || status >= 500) {
            return PushAnswer.later(said, io.beseda.channel.RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), java.time.Instant.now()));
        }
        if (status == 401 || status == 403) {
            return PushAnswer.refused(said + " (the VAPID signature was refused: check the contact in the settings)");
        }
        return PushAnswer.refused(said);
    }

    private static String clip(String text) {
        return text.length() > 200 ? text.substring(0, 200) : text;
    }

    private Urgency.UrgencyOption urgency() {
        return switch (properties.urgency()) {
            case "very-low" -> Urgency.UrgencyOption.VERY_LOW;
            case "low" -> Urgency.UrgencyOption.LOW;
            case "high" -> Urgency.UrgencyOption.HIGH;
            default -> Urgency.UrgencyOption.NORMAL;
        };
    }
}
