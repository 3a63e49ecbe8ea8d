package io.beseda.channel.push;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Beseda sends web push.
 *
 * @param ttl           how long a push service keeps a notification for a browser that is offline (TTL header)
 * @param urgency       the Urgency header (RFC 8030): very-low, low, normal or high
 * @param endpointHosts the push services a browser's subscription may point at ({@code *.} allows sub-domains):
 *                      Beseda posts only there, so a page cannot make it post anywhere else
 * @param allowHttp     whether an endpoint may be plain http (only for a local stand-in in tests)
 * @param timeout       how long one push service call may take
 */
@ConfigurationProperties("beseda.channel.webpush")
record WebPushProperties(@DefaultValue("P2D") Duration ttl, @DefaultValue("normal") String urgency,
                         @DefaultValue({"fcm.googleapis.com", "*.push.services.mozilla.com", "push.services.mozilla.com",
                                 "*.notify.windows.com", "web.push.apple.com", "*.push.apple.com"}) List<String> endpointHosts,
                         @DefaultValue("false") boolean allowHttp, @DefaultValue("PT15S") Duration timeout) {

    WebPushProperties {
        if (!List.of("very-low", "low", "normal", "high").contains(urgency)) {
            throw new IllegalArgumentException("beseda.channel.webpush.urgency is very-low, low, normal or high");
        }
        endpointHosts = endpointHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
    }

    /** Whether Beseda may post to this endpoint a browser gave. */
    boolean admits(java.net.URI endpoint) {
        var scheme = endpoint.getScheme();
        var host = endpoint.getHost();
        if (host == null || !("https".equals(scheme) || allowHttp && "http".equals(scheme))) {
            return false;
        }
        var name = host.toLowerCase(Locale.ROOT);
        return endpointHosts.stream().anyMatch(allowed -> allowed.startsWith("*.")
                ? name.endsWith(allowed.substring(1)) : name.equals(allowed));
    }
}
