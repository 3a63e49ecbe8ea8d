package io.beseda.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;


/**
 * A signed-in console user for tests that need more than {@link Http}: requests with headers (as the
 * inbox page's script sends them), multipart uploads, and the live event stream read as it arrives.
 */
public final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"|name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private String csrf = "";

    private ConsoleSession(int port) {
        this.base = "http://localhost:" + port;
    }

    public static ConsoleSession signIn(int port, String email) {
        var session = new ConsoleSession(port);
        session.refreshToken("/login");
        var login = session.send(HttpRequest.newBuilder(URI.create(session.base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("email", email, "password", TestWorkspaces.PASSWORD,
                        "_csrf", session.csrf)))));
        if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("Sign-in failed for " + email);
        }
        session.refreshToken("/");
        return session;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A form post as the page's script makes it: CSRF header and the inbox's fragment header. */
    public HttpResponse<String> postFragment(String path, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-CSRF-TOKEN", csrf).header("X-Inbox", "fragment")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    /** A multipart post with one file, as the composer sends it. */
    public HttpResponse<String> postFile(String path, Map<String, String> fields, String fileName, byte[] content) {
        return postFile(path, fields, "files", fileName, content);
    }

    /** As above, with the file in a part of another name. */
    public HttpResponse<String> postFile(String path, Map<String, String> fields, String part, String fileName, byte[] content) {
        var boundary = "----beseda" + UUID.randomUUID();
        var parts = new ArrayList<byte[]>();
        fields.forEach((name, value) -> parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        parts.add(content);
        parts.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("X-CSRF-TOKEN", csrf)
                .header("X-Inbox", "fragment").POST(HttpRequest.BodyPublishers.ofByteArrays(parts)));
    }

    /** Opens the live stream; events are read in the background as they come. */
    public EventStream events() {
        try {
            var response = client.send(HttpRequest.newBuilder(URI.create(base + "/inbox/events"))
                    .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Event stream answered " + response.statusCode());
            }
            return new EventStream(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One server-sent event. */
    public record Event(String name, String data) {
    }

    /** Events of one open stream, in the order they arrived. */
    public static final class EventStream implements AutoCloseable {

        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final List<Event> seen = new ArrayList<>();
        private final HttpResponse<java.io.InputStream> response;

        EventStream(HttpResponse<java.io.InputStream> response) {
            this.response = response;
            Thread.ofVirtual().start(this::read);
        }

        private void read() {
            try (var reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String name = "message";
                var data = new StringBuilder();
                for (String line; (line = reader.readLine()) != null; ) {
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) {
                            events.add(new Event(name, data.toString()));
                        }
                        name = "message";
                        data.setLength(0);
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    }
                }
            } catch (IOException ignored) {
                // the stream was closed
            }
        }

        /** The next event that matches, skipping others (kept in {@link #seen()}); fails after the timeout. */
        public Event next(Predicate<Event> matching, Duration timeout) {
            var deadline = System.nanoTime() + timeout.toNanos();
            try {
                while (true) {
                    var event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (event == null) {
                        throw new AssertionError("No matching event within " + timeout + "; saw " + seen);
                    }
                    seen.add(event);
                    if (matching.test(event)) {
                        return event;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Every event taken so far, matching or not. */
        public List<Event> seen() {
            return List.copyOf(seen);
        }

        @Override
        public void close() {
            try {
                response.body().close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private void refreshToken(String page) {
        var matcher = CSRF.matcher(get(page).body());
        if (!matcher.find()) {
            throw new IllegalStateException("No CSRF token on " + page);
        }
        csrf = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

}
