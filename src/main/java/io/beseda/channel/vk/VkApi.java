package io.beseda.channel.vk;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.beseda.channel.RetryAfter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;


/**
 * A thin client of the VK API: {@code POST <base>/method/<name>} with form parameters, the token and the version
 * in the body (never in a URL that could be logged), and VK's answer unwrapped. VK says most failures with HTTP
 * 200 and an {@code error} object, which becomes a {@link VkException}; so do HTTP failures and silence. Calls
 * with one token keep to VK's 20 a second on this node, waiting a little for a turn.
 */
@Component
class VkApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration LONGEST_WAIT_FOR_A_TURN = Duration.ofSeconds(2);

    private final VkProperties properties;
    private final JsonMapper json;
    private final RestClient http;
    private final Map<String, Bucket> paces = new ConcurrentHashMap<>();

    VkApi(VkProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        var requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(10));
        requests.setReadTimeout(TIMEOUT);
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    /** Calls a method; answers VK's {@code response}. */
    JsonNode call(String token, String method, Map<String, ?> params) throws VkException {
        var form = new LinkedMultiValueMap<String, String>();
        params.forEach((name, value) -> form.add(name, String.valueOf(value)));
        form.add("access_token", token);
        form.add("v", properties.apiVersion());
        waitForTurn(token);
        var answer = unwrap(method, exchange(() -> http.post().uri(URI.create(properties.baseUrl() + "/method/" + method))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)));
        if (answer.has("error")) {
            var error = answer.get("error");
            throw VkException.of(error.path("error_code").asInt(0), error.path("error_msg").asString(""));
        }
        if (!answer.has("response")) {
            throw VkException.transientFailure("VK's answer to " + method + " has neither response nor error", null);
        }
        return answer.get("response");
    }

    /** Posts a file to an upload address VK gave out; answers what the upload server said (to save it with). */
    JsonNode upload(URI url, String field, String fileName, String mimeType, byte[] content) throws VkException {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(mimeType));
        headers.setContentDispositionFormData(field, fileName);
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add(field, new HttpEntity<>(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }, headers));
        var answer = unwrap("upload", exchange(() -> http.post().uri(url).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts)));
        if (answer.has("error")) {
            throw VkException.permanentFailure("VK's upload server refused " + fileName + ": " + answer.get("error"));
        }
        return answer;
    }

    private ResponseEntity<String> exchange(java.util.function.Supplier<RestClient.RequestBodySpec> request) throws VkException {
        try {
            return request.get().retrieve().onStatus(status -> true, (req, res) -> {
            }).toEntity(String.class);
        } catch (RestClientException e) {
            throw VkException.transientFailure("VK did not answer: " + e.getMessage(), null);
        }
    }

    private JsonNode unwrap(String what, ResponseEntity<String> response) throws VkException {
        var status = response.getStatusCode().value();
        if (status == 429) {
            throw VkException.transientFailure("VK answered 429 (too many requests) to " + what, RetryAfter.parse(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER), java.time.Instant.now()));
        }
        if (status >= 500) {
            throw VkException.transientFailure("VK answered HTTP " + status + " to " + what, RetryAfter.parse(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER), java.time.Instant.now()));
        }
        if (status / 100 != 2) {
            throw VkException.permanentFailure("VK answered HTTP " + status + " to " + what);
        }
        try {
            var body = response.getBody();
            var tree = body == null ? null : json.readTree(body);
            if (tree == null || !tree.isObject()) {
                throw VkException.transientFailure("VK's answer to " + what + " is not a JSON object", null);
            }
            return tree;
        } catch (JacksonException e) {
            throw VkException.transientFailure("VK's answer to " + what + " is not JSON", null);
        }
    }

    private void waitForTurn(String token) throws VkException {
        var rate = properties.requestsPerSecond();
        var bucket = paces.computeIfAbsent(token, t -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(rate).refillGreedy(rate, Duration.ofSeconds(1)).build()).build());
        try {
            if (!bucket.asBlocking().tryConsume(1, LONGEST_WAIT_FOR_A_TURN)) {
                throw VkException.transientFailure("Beseda keeps to VK's " + rate + " requests a second per community",
                        Duration.ofSeconds(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw VkException.transientFailure("Interrupted while waiting for a turn to call VK", null);
        }
    }
}
