package io.beseda.channel.viber;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import io.beseda.channel.RetryAfter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;


/**
 * A thin client of Viber's REST Bot API: every method is a POST of JSON to {@code /pa/<method>} with the bot's
 * token in {@code X-Viber-Auth-Token}; Viber answers HTTP 200 with {@code status} 0 or an error code in the body.
 * Never throws for what Viber or the network does: the answer says it.
 */
@Component
class ViberApi {

    static final String TOKEN_HEADER = "X-Viber-Auth-Token";

    /** What a call came to. */
    sealed interface Reply {

        /** Status 0: the body of Viber's answer. */
        record Ok(JsonNode body) implements Reply {
        }

        /** Viber answered with an error status (its code and words), or with an HTTP error that will not pass by itself. */
        record Failed(int status, String message) implements Reply {
        }

        /** Viber could not be reached, failed on its side, or asked us to slow down: try again later. */
        record Unavailable(String reason, @Nullable Duration retryAfter) implements Reply {
        }
    }

    /** Viber's error codes that we treat apart (https://developers.viber.com/docs/api/rest-bot-api/#error-codes). */
    static final int INVALID_AUTH_TOKEN = 2;
    static final int RECEIVER_NOT_SUBSCRIBED = 6;
    static final int WEBHOOK_NOT_SET = 10;
    static final int TOO_MANY_REQUESTS = 12;
    static final int MESSAGE_RATE_EXCEEDED = 18;
    /** Our own code for an HTTP refusal (401, 403, 404…) that carried no Viber status. */
    static final int HTTP_REFUSED = -1;

    private final RestClient http;
    private final JsonMapper json;
    private final Clock clock;

    ViberApi(ViberProperties properties, JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
        var requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.timeout());
        requests.setReadTimeout(properties.timeout());
        this.http = RestClient.builder().baseUrl(properties.baseUrl().toString()).requestFactory(requests).build();
    }

    Reply call(String token, String method, Map<String, ?> body) {
        try {
            return http.post().uri("/pa/{method}", method).header(TOKEN_HEADER, token).contentType(MediaType.APPLICATION_JSON)
                    .body(json.writeValueAsString(body))
                    .exchange((request, response) -> {
                        var status = response.getStatusCode().value();
                        if (status == 429) {
                            return new Reply.Unavailable("Viber: too many requests (HTTP 429)", RetryAfter.parse(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER), clock.instant()));
                        }
                        if (status >= 500) {
                            return new Reply.Unavailable("Viber answered HTTP " + status, RetryAfter.parse(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER), clock.instant()));
                        }
                        if (status >= 400) {
                            return new Reply.Failed(HTTP_REFUSED, "Viber answered HTTP " + status);
                        }
                        return read(response.getBody().readAllBytes());
                    }, true);
        } catch (ResourceAccessException e) {
            return new Reply.Unavailable("Viber is unreachable: " + e.getMostSpecificCause().getMessage(), null);
        }
    }

    private Reply read(byte[] body) {
        JsonNode answer;
        try {
            answer = json.readTree(body);
        } catch (JacksonException e) {
            return new Reply.Unavailable("Viber answered something that is not JSON", null);
        }
        var status = answer.path("status");
        if (!status.isNumber()) {
            return new Reply.Unavailable("Viber's answer has no status", null);
        }
        if (status.asInt() == 0) {
            return new Reply.Ok(answer);
        }
        var message = answer.path("status_message").asString("");
        return new Reply.Failed(status.asInt(), message.isBlank() ? "error " + status.asInt() : message);
    }
}
