package io.beseda.catalog;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import io.beseda.workspace.WorkspaceId;

/**
 * Where a feed comes from: a file the shop sends, or the URL where the shop publishes it. Either way the
 * feed is streamed into {@link CatalogImport} and stopped at {@link #MAX_BYTES}, so no feed is held whole
 * in memory and no feed can fill it.
 */
@Service
public class FeedImports {

    public static final long MAX_BYTES = 50L * 1024 * 1024;
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final CatalogImport imports;
    private final RestClient http;
    private final boolean allowPrivateAddresses;

    FeedImports(CatalogImport imports, @Value("${beseda.catalog.feeds.allow-private-addresses:false}") boolean allowPrivateAddresses) {
        this.imports = imports;
        this.allowPrivateAddresses = allowPrivateAddresses;
        var requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(TIMEOUT);
        // a server that stops sending for this long is given up on, however far the feed had come
        requests.setReadTimeout(TIMEOUT);
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    /**
     * Imports a feed the shop sends as the request body.
     *
     * @param declaredLength the length the sender announced, or -1; a feed announced too large is refused unread
     */
    public ImportReport upload(WorkspaceId workspace, InputStream feed, long declaredLength) {
        if (declaredLength > MAX_BYTES) {
            throw new FeedTooLargeException(MAX_BYTES);
        }
        return imports.importYml(workspace, new LimitedInputStream(feed, MAX_BYTES), "upload");
    }

    /** Fetches the feed from an http(s) URL and imports it; the import remembers the URL (without credentials). */
    public ImportReport fetch(WorkspaceId workspace, URI url) {
        var source = withoutCredentials(url);
        if (!allowPrivateAddresses && inPrivateNetwork(url)) {
            throw new FeedDownloadException("Фид не загружается из внутренней сети (localhost, 10.x, 192.168.x …) "
                    + "· feeds are not fetched from private networks");
        }
        try {
            return http.get().uri(url).exchange((request, response) -> {
                if (!response.getStatusCode().is2xxSuccessful()) {
                    throw new FeedDownloadException("Сервер фида ответил " + response.getStatusCode().value()
                            + " · the feed's server answered " + response.getStatusCode().value());
                }
                if (response.getHeaders().getContentLength() > MAX_BYTES) {
                    throw new FeedTooLargeException(MAX_BYTES);
                }
                try (var body = new LimitedInputStream(response.getBody(), MAX_BYTES)) {
                    return imports.importYml(workspace, body, source);
                }
            }, true);
        } catch (ResourceAccessException e) {
            throw new FeedDownloadException("Фид по ссылке не загрузился · the feed could not be fetched: " + reason(e), e);
        }
    }

    /** Whether a URL is one Beseda fetches feeds from: absolute http or https with a host. */
    public static boolean fetchable(URI url) {
        var scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && url.getHost() != null;
    }

    /**
     * Whether the host resolves to this machine or a private network: an API key must not become a way to
     * read the servers around Beseda. (A name that resolves differently a moment later could still slip
     * through; the fetch itself is not pinned to the address checked.)
     */
    static boolean inPrivateNetwork(URI url) {
        try {
            for (var address : InetAddress.getAllByName(url.getHost())) {
                if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress() || address.isMulticastAddress()
                        || address instanceof java.net.Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException e) {
            return false; // the fetch will say it cannot be reached
        }
    }

    private static String reason(ResourceAccessException e) {
        var cause = e.getCause() == null ? e : e.getCause();
        return cause instanceof java.net.SocketTimeoutException ? "no answer in " + TIMEOUT.toSeconds() + " s"
                : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
    }

    private static String withoutCredentials(URI url) {
        if (url.getUserInfo() == null) {
            return url.toString();
        }
        try {
            return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), url.getQuery(), null).toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
