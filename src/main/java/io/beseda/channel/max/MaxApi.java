package io.beseda.channel.max;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import io.beseda.channel.RetryAfter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;


/**
 * A thin client of MAX's Bot API for one bot: the token goes in the {@code Authorization} header of every call
 * (MAX no longer takes it as a query parameter). Every method throws {@link MaxCallFailed} when MAX answers an
 * error or cannot be reached.
 */
final class MaxApi {

    /** Who the bot is ({@code GET /me}). */
    record Bot(long userId, String name, @Nullable String username) {
    }

    /** Where to upload one file ({@code POST /uploads}); video and audio get their token here, photos after the upload. */
    record UploadEndpoint(URI url, @Nullable String token) {
    }

    /** A file to upload. */
    record File(String name, String mimeType, byte[] content) {
    }

    private final RestClient api;
    private final RestClient uploads;
    private final JsonMapper json;

    MaxApi(URI baseUrl, String token, Duration timeout, JsonMapper json) {
        var requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(timeout).build());
        requests.setReadTimeout(timeout);
        this.api = RestClient.builder().requestFactory(requests).baseUrl(baseUrl.toString())
                .defaultHeader(HttpHeaders.AUTHORIZATION, token).build();
        // the upload URL is on MAX's file hosts and carries its own credentials: the bot's token stays off it
        this.uploads = RestClient.builder().requestFactory(requests).build();
        this.json = json;
    }

    Bot me() {
        var bot = call("GET /me", api.get().uri("/me"));
        var first = bot.path("first_name").asString("");
        var name = first.isBlank() ? bot.path("name").asString("") : first;
        return new Bot(bot.path("user_id").asLong(0), name, text(bot, "username"));
    }

    /** Subscribes the bot's webhook; answers MAX's explanation when it says {@code "success": false}. */
    @Nullable String subscribe(URI url, String secret, List<String> updateTypes) {
        var body = json.createObjectNode().put("url", url.toString()).put("secret", secret);
        updateTypes.forEach(body.putArray("update_types")::add);
        var result = call("POST /subscriptions", api.post().uri("/subscriptions").contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(body)));
        return result.path("success").asBoolean(false) ? null : result.path("message").asString("MAX said no");
    }

    UploadEndpoint uploadEndpoint(String type) {
        var endpoint = call("POST /uploads", api.post().uri(b -> b.path("/uploads").queryParam("type", type).build()));
        var url = text(endpoint, "url");
        if (url == null) {
            throw new MaxCallFailed(502, null, "MAX gave no upload URL for a " + type, null);
        }
        return new UploadEndpoint(URI.create(url), text(endpoint, "token"));
    }

    /**
     * Uploads the file as multipart {@code data} and answers the token to attach it with: a photo's is in
     * {@code {"photos": {"…": {"token": "…"}}}}, a file's in {@code {"token": "…"}}, a video's came with the endpoint.
     */
    String upload(UploadEndpoint endpoint, File file) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(file.mimeType()));
        headers.setContentDisposition(ContentDisposition.formData().name("data").filename(file.name()).build());
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("data", new HttpEntity<>(new ByteArrayResource(file.content()), headers));
        var uploaded = call("upload", uploads.post().uri(endpoint.url()).contentType(MediaType.MULTIPART_FORM_DATA).body(parts));
        for (var photo : uploaded.path("photos")) {
            var token = text(photo, "token");
            if (token != null) {
                return token;
            }
        }
        var token = text(uploaded, "token");
        if (token == null) {
            token = endpoint.token();
        }
        if (token == null) {
            throw new MaxCallFailed(502, null, "MAX's upload answer has no token", null);
        }
        return token;
    }

    /** Sends a {@code NewMessageBody} to a user's dialog with the bot; answers the new message's id ({@code body.mid}). */
    String send(long userId, ObjectNode message) {
        var sent = call("POST /messages", api.post().uri(b -> b.path("/messages").queryParam("user_id", userId).build())
                .contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(message)));
        var mid = text(sent.path("message").path("body"), "mid");
        if (mid == null) {
            throw new MaxCallFailed(502, null, "MAX's answer to POST /messages has no message.body.mid", null);
        }
        return mid;
    }

    /** Answers a button press, so the customer's button stops spinning; {@code notification} pops up once. */
    void answer(String callbackId, String notification) {
        var body = json.createObjectNode().put("notification", notification);
        call("POST /answers", api.post().uri(b -> b.path("/answers").queryParam("callback_id", "{id}").build(callbackId))
                .contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(body)));
    }

    private JsonNode call(String what, RestClient.RequestHeadersSpec<?> request) {
        try {
            return request.accept(MediaType.APPLICATION_JSON).exchange((req, response) -> {
                var body = response.getBody().readAllBytes();
                var status = response.getStatusCode().value();
                if (status / 100 == 2) {
                    return body.length == 0 ? json.createObjectNode() : json.readTree(body);
                }
                throw failure(what, status, body, response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
            });
        } catch (RestClientException e) {
            throw MaxCallFailed.unreachable(what, e.getCause() instanceof IOException io ? io : e);
        } catch (JacksonException e) {
            throw new MaxCallFailed(502, null, "MAX answered " + what + " with something that is not JSON", null);
        }
    }

    private MaxCallFailed failure(String what, int status, byte[] body, @Nullable String retryAfter) {
        String code = null;
        String message = null;
        try {
            var error = json.readTree(body);
            code = text(error, "code");
            message = text(error, "message");
        } catch (JacksonException e) {
            // an error page rather than MAX's JSON: the status says enough
        }
        var said = (code == null ? "" : code) + (message == null || message.isBlank() ? "" : (code == null ? "" : ": ") + message);
        return new MaxCallFailed(status, code, "MAX answered " + status + " to " + what + (said.isEmpty() ? "" : " (" + said + ")"),
                RetryAfter.parse(retryAfter, Instant.now()));
    }

    private static @Nullable String text(JsonNode node, String field) {
        var value = node.get(field);
        return value == null || !value.isString() || value.asString().isBlank() ? null : value.asString();
    }
}
