package io.beseda.channel.smsgateway;

import java.time.Clock;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import io.beseda.channel.RetryAfter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;


/**
 * A thin client of SMSC.ru's HTTP API: form posts to {@code /sys/<method>.php} with the API key, {@code fmt=3} (JSON
 * answers) and {@code charset=utf-8} (SMSC.ru reads windows-1251 otherwise). SMSC.ru answers HTTP 200 with either its
 * result or {@code {"error": "…", "error_code": N}}. Never throws for what SMSC.ru or the network does.
 */
@Component
class SmscApi {

    /** What a call came to. */
    sealed interface Reply {

        record Ok(JsonNode body) implements Reply {
        }

        /** SMSC.ru refused with its error code (or an HTTP refusal, code {@link #HTTP_REFUSED}). */
        record Failed(int code, String message) implements Reply {
        }

        /** SMSC.ru could not be reached, failed on its side, or asked us to slow down. */
        record Unavailable(String reason, @Nullable Duration retryAfter) implements Reply {
        }
    }

    /** SMSC.ru's error codes (https://smsc.ru/api/http/send/sms/sms_answer/). */
    static final int BAD_PARAMETERS = 1;
    static final int BAD_CREDENTIALS = 2;
    static final int NO_MONEY = 3;
    static final int IP_BLOCKED = 4;
    static final int FORBIDDEN_MESSAGE = 6;
    static final int BAD_PHONE = 7;
    static final int UNDELIVERABLE = 8;
    static final int TOO_MANY_REQUESTS = 9;
    static final int HTTP_REFUSED = -1;

    private final RestClient http;
    private final JsonMapper json;
    private final Clock clock;

    SmscApi(SmscProperties properties, JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
        var requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.timeout());
        requests.setReadTimeout(properties.timeout());
        this.http = RestClient.builder().baseUrl(properties.baseUrl().toString()).requestFactory(requests).build();
    }

    /** One SMS (the gateway cuts it into segments) to one E.164 phone under a sender name. */
    Reply send(String apiKey, String phone, String text, String sender) {
        var form = form(apiKey);
        form.add("phones", phone);
        form.add("mes", text);
        form.add("sender", sender);
        return call("send", form);
    }

    Reply balance(String apiKey) {
        return call("balance", form(apiKey));
    }

    private static MultiValueMap<String, String> form(String apiKey) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("apikey", apiKey);
        form.add("fmt", "3");
        form.add("charset", "utf-8");
        return form;
    }

    private Reply call(String method, MultiValueMap<String, String> form) {
        try {
            return http.post().uri("/sys/{method}.php", method)
                    .contentType(new MediaType(MediaType.APPLICATION_FORM_URLENCODED, java.nio.charset.StandardCharsets.UTF_8))
                    .body(form)
                    .exchange((request, response) -> {
                        var status = response.getStatusCode().value();
                        if (status == 429) {
                            return new Reply.Unavailable("SMSC.ru: too many requests (HTTP 429)", RetryAfter.parse(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER), clock.instant()));
                        }
                        if (status >= 500) {
                            return new Reply.Unavailable("SMSC.ru answered HTTP " + status, RetryAfter.parse(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER), clock.instant()));
                        }
                        if (status >= 400) {
                            return new Reply.Failed(HTTP_REFUSED, "SMSC.ru answered HTTP " + status);
                        }
                        return read(response.getBody().readAllBytes());
                    }, true);
        } catch (ResourceAccessException e) {
            return new Reply.Unavailable("SMSC.ru is unreachable: " + e.getMostSpecificCause().getMessage(), null);
        }
    }

    private Reply read(byte[] body) {
        JsonNode answer;
        try {
            answer = json.readTree(body);
        } catch (JacksonException e) {
            return new Reply.Unavailable("SMSC.ru answered something that is not JSON", null);
        }
        if (answer.has("error_code")) {
            var message = answer.path("error").asString("");
            return new Reply.Failed(answer.path("error_code").asInt(), message.isBlank() ? "error " + answer.path("error_code") : message);
        }
        return new Reply.Ok(answer);
    }
}
