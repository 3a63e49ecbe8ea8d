package io.beseda.customer.tracker;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the browser tracker posts its batches: public, from any origin, authorised only by the
 * workspace's tracker token. Bodies come as text/plain (what navigator.sendBeacon sends, with no CORS
 * preflight) or application/json. Limited per token and address, in size and in events per batch.
 */
@RestController
class TrackerEndpoint {

    static final String PATH = "/t/{token}/events";

    private final Trackers trackers;
    private final TrackerIntake intake;
    private final JsonMapper json;
    private final FixedWindowRateLimiter limiter;

    TrackerEndpoint(Trackers trackers, TrackerIntake intake, JsonMapper json, TrackerSettings settings, Clock clock) {
        this.trackers = trackers;
        this.intake = intake;
        this.json = json;
        this.limiter = new FixedWindowRateLimiter(settings.requestsPerMinute(), Duration.ofMinutes(1), clock);
    }

    @CrossOrigin(origins = "*", methods = {RequestMethod.POST, RequestMethod.OPTIONS}, allowedHeaders = "Content-Type",
            allowCredentials = "false", maxAge = 86_400)
    @PostMapping(path = PATH, consumes = {MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<?> events(@PathVariable String token, HttpServletRequest request) throws IOException {
        var wait = limiter.acquire(token + "|" + request.getRemoteAddr());
        if (wait.isPresent()) {
            var seconds = Math.max(1, wait.get().toSeconds());
            return problem(HttpStatus.TOO_MANY_REQUESTS, "Too many batches from this address; retry in " + seconds + " s.")
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds)).build();
        }
        var tracker = trackers.byToken(token);
        if (tracker.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "No tracker has this token. Copy the snippet from Settings → Tracker.").build();
        }
        var body = read(request);
        if (body == null) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "A batch may be at most "
                    + TrackerSettings.MAX_BODY_BYTES / 1024 + " KB; send fewer events at a time.").build();
        }
        JsonNode batch;
        try {
            batch = json.readTree(body);
        } catch (JacksonException e) {
            return problem(HttpStatus.BAD_REQUEST, "The body is not valid JSON.").build();
        }
        var events = batch.path("events");
        if (!events.isArray() || events.size() > TrackerSettings.MAX_EVENTS) {
            return problem(HttpStatus.BAD_REQUEST, "Send {\"events\": [ … ]} with at most " + TrackerSettings.MAX_EVENTS
                    + " events.", "events", events.isArray() ? "has " + events.size() + " events" : "must be an array").build();
        }
        return ResponseEntity.ok(intake.take(tracker.get().workspaceId(), batch, events, tracker.get().secret()));
    }

    /** The body, or null when it is larger than a batch may be. */
    private static byte @Nullable [] read(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > TrackerSettings.MAX_BODY_BYTES) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            var body = in.readNBytes(TrackerSettings.MAX_BODY_BYTES + 1);
            return body.length > TrackerSettings.MAX_BODY_BYTES ? null : body;
        }
    }

    private static Problem problem(HttpStatus status, String detail, String... fieldAndMessage) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        if (fieldAndMessage.length == 2) {
            problem.setProperty("errors", List.of(Map.of("field", fieldAndMessage[0], "message", fieldAndMessage[1])));
        }
        return new Problem(problem, ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    /** A problem answer that may still take headers. */
    private record Problem(ProblemDetail body, ResponseEntity.BodyBuilder response) {

        Problem header(String name, String value) {
            response.header(name, value);
            return this;
        }

        ResponseEntity<ProblemDetail> build() {
            return response.body(body);
        }
    }
}
