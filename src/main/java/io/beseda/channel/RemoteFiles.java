package io.beseda.channel;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.beseda.shared.RuleViolationException;

/**
 * Downloads a file a provider holds (a customer's photo on Telegram's, WhatsApp's, Viber's or VK's servers)
 * so Beseda can keep it: at most {@link Attachments#maxBytes()}, refused past that without reading the rest,
 * 10 s to connect and 30 s in all. The caller stores it with {@link Attachments#store}.
 */
@Component
public class RemoteFiles {

    /** A downloaded file and the type the provider said it was (Beseda sniffs its own when storing). */
    public record Downloaded(byte[] content, @org.jspecify.annotations.Nullable String contentType) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final Attachments attachments;

    RemoteFiles(Attachments attachments) {
        this.attachments = attachments;
    }

    /**
     * @throws RuleViolationException {@code channel.file.too-large} past the size limit
     * @throws IOException            when the provider does not give the file
     */
    public Downloaded download(URI url, Map<String, String> headers) throws IOException {
        var request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).GET();
        headers.forEach(request::header);
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while downloading", e);
        }
        try (var body = response.body()) {
            if (response.statusCode() / 100 != 2) {
                throw new IOException("The provider answered " + response.statusCode() + " for the file");
            }
            var max = attachments.maxBytes();
            var content = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (content.length > max) {
                throw new RuleViolationException("channel.file.too-large", "The file is larger than " + max + " bytes");
            }
            return new Downloaded(content, response.headers().firstValue("Content-Type").orElse(null));
        }
    }
}
