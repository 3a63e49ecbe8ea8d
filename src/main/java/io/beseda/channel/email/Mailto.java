package io.beseda.channel.email;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** RFC 6068 {@code mailto:} links: pressing one opens a reply whose text is a quick reply's title. */
final class Mailto {

    private Mailto() {
    }

    static String of(String address, String subject, String body) {
        return "mailto:" + address + "?subject=" + encode(subject) + "&body=" + encode(body);
    }

    private static String encode(String value) {
        // URLEncoder writes a space as '+', which mailto does not read as a space
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
