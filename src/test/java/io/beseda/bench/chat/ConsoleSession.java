package io.beseda.bench.chat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** An operator signed in to the console, as a browser would be: session cookie and CSRF token. */
final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    final String base;
    final HttpClient http;
    private String csrf = "";

    ConsoleSession(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    ConsoleSession signIn(String email, String password) throws IOException, InterruptedException {
        refreshCsrf("/login");
        var response = post("/login", Map.of("email", email, "password", password));
        if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("Sign-in failed for " + email + ": " + response.statusCode());
        }
        refreshCsrf("/inbox");
        return this;
    }

    void refreshCsrf(String page) throws IOException, InterruptedException {
        var body = http.send(HttpRequest.newBuilder(URI.create(base + page)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        var m = CSRF.matcher(body);
        if (m.find()) {
            csrf = m.group(1);
        }
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        var fields = new java.util.LinkedHashMap<>(form);
        fields.put("_csrf", csrf);
        var body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-CSRF-TOKEN", csrf).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
