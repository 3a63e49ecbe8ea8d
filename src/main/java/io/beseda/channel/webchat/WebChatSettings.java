package io.beseda.channel.webchat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.beseda.channel.Secret;
import io.beseda.consent.Channel;

/**
 * What one web-chat account (one site) is set up with, kept in the account's settings map.
 *
 * @param inboxToken     public: written into the shop's pages, names the account
 * @param identitySecret the shop's backend signs its customer ids with it (HMAC-SHA256); stored encrypted
 * @param consentText    shown with a checkbox before the first message; blank means no pre-chat consent
 * @param consentVersion the registered version of {@code consentText} in the consent ledger
 * @param greeting       the first thing the chat window says
 * @param links          "write to us in…" deep links, only for {@link #LINK_CHANNELS}
 * @param allowedOrigins the sites the widget may run on ({@code https://shop.example}, {@code https://*.shop.example});
 *                       empty means any
 */
record WebChatSettings(String inboxToken, @Secret String identitySecret, @Nullable String consentText,
                       @Nullable String consentVersion, @Nullable String greeting, @Nullable Map<Channel, String> links,
                       @Nullable List<String> allowedOrigins) {

    /** The messengers a widget offers to continue in. */
    static final List<Channel> LINK_CHANNELS = List.of(Channel.TELEGRAM, Channel.WHATSAPP, Channel.VIBER, Channel.VK, Channel.MAX);

    WebChatSettings {
        if (inboxToken == null || inboxToken.isBlank() || identitySecret == null || identitySecret.isBlank()) {
            throw new IllegalArgumentException("A web-chat account needs an inbox token and an identity secret");
        }
        var ordered = new EnumMap<Channel, String>(Channel.class);
        ordered.putAll(links == null ? Map.of() : links);
        links = Map.copyOf(ordered);
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }

    boolean consentRequired() {
        return consentText != null && !consentText.isBlank() && consentVersion != null;
    }

    /** The links in the order the widget shows them. */
    Map<Channel, String> orderedLinks() {
        var ordered = new LinkedHashMap<Channel, String>();
        LINK_CHANNELS.stream().filter(links::containsKey).forEach(c -> ordered.put(c, links.get(c)));
        return ordered;
    }

    Map<String, Object> toMap() {
        var map = new LinkedHashMap<String, Object>();
        map.put("inboxToken", inboxToken);
        map.put("identitySecret", identitySecret);
        putIfPresent(map, "consentText", consentText);
        putIfPresent(map, "consentVersion", consentVersion);
        putIfPresent(map, "greeting", greeting);
        var linkMap = new LinkedHashMap<String, String>();
        orderedLinks().forEach((channel, url) -> linkMap.put(channel.name(), url));
        map.put("links", linkMap);
        map.put("allowedOrigins", allowedOrigins);
        return map;
    }

    static WebChatSettings fromMap(Map<String, Object> map) {
        var links = new EnumMap<Channel, String>(Channel.class);
        if (map.get("links") instanceof Map<?, ?> stored) {
            stored.forEach((channel, url) -> links.put(Channel.valueOf(String.valueOf(channel)), String.valueOf(url)));
        }
        var origins = new ArrayList<String>();
        if (map.get("allowedOrigins") instanceof List<?> stored) {
            stored.forEach(origin -> origins.add(String.valueOf(origin)));
        }
        return new WebChatSettings(required(map, "inboxToken"), required(map, "identitySecret"), text(map, "consentText"),
                text(map, "consentVersion"), text(map, "greeting"), links, origins);
    }

    WebChatSettings withSecret(String secret) {
        return new WebChatSettings(inboxToken, secret, consentText, consentVersion, greeting, links, allowedOrigins);
    }

    @Override
    public String toString() {
        return "WebChatSettings[inboxToken=" + inboxToken + ", identitySecret=…, allowedOrigins=" + allowedOrigins + "]";
    }

    private static String required(Map<String, Object> map, String key) {
        var value = text(map, key);
        if (value == null) {
            throw new IllegalStateException("A web-chat account needs '" + key + "' in its settings");
        }
        return value;
    }

    private static @Nullable String text(Map<String, Object> map, String key) {
        var value = map.get(key);
        return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value);
    }

    private static void putIfPresent(Map<String, Object> map, String key, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
