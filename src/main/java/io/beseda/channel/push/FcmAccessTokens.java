package io.beseda.channel.push;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * OAuth 2.0 access tokens for FCM, from Google's token endpoint with a JWT-bearer assertion signed by the
 * service account; each is kept until a minute before it expires (Google's last an hour).
 */
@Component
class FcmAccessTokens {

    /** Google said no (a revoked or deleted key): no retry will help. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private record Held(String token, Instant until) {
    }

    private final RestClient http;
    private final FcmProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    FcmAccessTokens(FcmProperties properties, JsonMapper json, Clock clock) {
        this.http = FcmConnectorFactory.client(properties.timeout());
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @throws Refused when the token endpoint refuses the key (4xx)
     * @throws org.springframework.web.client.RestClientException when it cannot be reached or fails (5xx)
     */
    String token(GoogleServiceAccount account) {
        var now = clock.instant();
        var current = held.get(account.clientEmail());
        if (current != null && current.until().isAfter(now)) {
            return current.token();
        }
        var uri = properties.tokenUri() != null ? properties.tokenUri() : account.tokenUri();
        var form = new LinkedMultiValueMap<String, String>();
        form.add("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
        form.add("assertion", account.assertion(uri, now, json));
        var answer = http.post().uri(uri).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                .exchange((request, response) -> {
                    var body = new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    if (response.getStatusCode().is4xxClientError()) {
                        throw new Refused("Google refused the service account key (" + response.getStatusCode().value() + "): " + body);
                    }
                    if (!response.getStatusCode().is2xxSuccessful()) {
                        throw new org.springframework.web.client.RestClientException("Google's token endpoint answered "
                                + response.getStatusCode().value());
                    }
                    return json.readTree(body);
                });
        var token = answer.path("access_token").asString("");
        if (token.isEmpty()) {
            throw new Refused("Google's token endpoint gave no access_token");
        }
        var lifetime = Duration.ofSeconds(Math.max(120, answer.path("expires_in").asLong(3600)));
        held.put(account.clientEmail(), new Held(token, now.plus(lifetime).minusSeconds(60)));
        return token;
    }

    /** FCM refused the token (401): the next send asks for a new one. */
    void forget(GoogleServiceAccount account) {
        held.remove(account.clientEmail());
    }
}
