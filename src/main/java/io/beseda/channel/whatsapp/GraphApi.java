package io.beseda.channel.whatsapp;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

import io.beseda.channel.RetryAfter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;


/**
 * The few Graph API calls Beseda makes for one WhatsApp number, with its token. Answers whatever the API
 * said, errors included ({@link Answer}); only the network failing throws (Spring's
 * {@link org.springframework.web.client.RestClientException}).
 */
final class GraphApi {

    /** The API's answer: HTTP status, the JSON body (missing when there was none) and a Retry-After, if given. */
    record Answer(int status, JsonNode body, @Nullable Duration retryAfter) {

        boolean ok() {
            return status / 100 == 2 && !body.has("error");
        }

        /** The Graph API error code ({@code error.code}), 0 when there is none. */
        int code() {
            return body.path("error").path("code").asInt(0);
        }

        /** The error in words: Meta's message and, when it gives them, its details. */
        String error() {
            var error = body.path("error");
            var message = error.path("message").asString("");
            var details = error.path("error_data").path("details").asString("");
            var said = details.isBlank() || message.contains(details) ? message : message + ": " + details;
            return said.isBlank() ? "HTTP " + status : said;
        }
    }

    private final RestClient http;
    private final JsonMapper json;
    private final String version;
    private final WhatsAppSettings settings;

    GraphApi(RestClient http, JsonMapper json, String version, WhatsAppSettings settings) {
        this.http = http;
        this.json = json;
        this.version = version;
        this.settings = settings;
    }

    WhatsAppSettings settings() {
        return settings;
    }

    /** {@code POST /{version}/{phone-number-id}/messages}. */
    Answer sendMessage(Map<String, Object> message) {
        return post("/{version}/{phone}/messages", message, settings.phoneNumberId());
    }

    /** {@code POST /{version}/{phone-number-id}/media}, multipart: answers {@code {"id": "<media id>"}}. */
    Answer upload(byte[] content, String mimeType, String fileName) {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("messaging_product", "whatsapp");
        parts.add("type", mimeType);
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(mimeType));
        parts.add("file", new HttpEntity<>(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }, headers));
        return http.post().uri("/{version}/{phone}/media", version, settings.phoneNumberId())
                .header(HttpHeaders.AUTHORIZATION, bearer()).contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .exchange((request, response) -> answer(response));
    }

    /** {@code GET /{version}/{media-id}}: where a customer's file can be downloaded (with the same token). */
    Answer media(String mediaId) {
        return get(b -> b.path("/{version}/{media}").build(version, mediaId));
    }

    /** {@code GET /{version}/{phone-number-id}}: the number as Meta knows it ("who am I"). */
    Answer phoneNumber() {
        return get(b -> b.path("/{version}/{phone}").queryParam("fields", "display_phone_number,verified_name,quality_rating")
                .build(version, settings.phoneNumberId()));
    }

    /** {@code GET /{version}/{waba-id}/message_templates}, a page of up to 100 after the cursor. */
    Answer templates(@Nullable String after) {
        return get(b -> {
            b.path("/{version}/{waba}/message_templates")
                    .queryParam("fields", "name,language,status,category,components,parameter_format").queryParam("limit", 100);
            if (after != null) {
                b.queryParam("after", after);
            }
            return b.build(version, settings.businessAccountId());
        });
    }

    /** {@code POST /{version}/{waba-id}/subscribed_apps}: the app receives the account's webhooks. */
    Answer subscribeApp() {
        return post("/{version}/{waba}/subscribed_apps", Map.of(), settings.businessAccountId());
    }

    /** {@code POST /{version}/{phone-number-id}} with an override callback: this number's webhooks go to {@code uri}. */
    Answer overrideCallback(String uri) {
        return post("/{version}/{phone}", Map.of("webhook_configuration",
                Map.of("override_callback_uri", uri, "verify_token", settings.verifyToken())), settings.phoneNumberId());
    }

    String bearer() {
        return "Bearer " + settings.accessToken();
    }

    private Answer post(String path, Map<String, ?> body, String id) {
        return http.post().uri(path, version, id).header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(body))
                .exchange((request, response) -> answer(response));
    }

    private Answer get(java.util.function.Function<UriBuilder, java.net.URI> uri) {
        return http.get().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer())
                .exchange((request, response) -> answer(response));
    }

    private Answer answer(ClientHttpResponse response) throws IOException {
        var bytes = response.getBody().readAllBytes();
        JsonNode body;
        try {
            body = bytes.length == 0 ? MissingNode.getInstance() : json.readTree(bytes);
        } catch (JacksonException e) {
            body = MissingNode.getInstance();
        }
        return new Answer(response.getStatusCode().value(), body, RetryAfter.parse(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER), java.time.Instant.now()));
    }
}
