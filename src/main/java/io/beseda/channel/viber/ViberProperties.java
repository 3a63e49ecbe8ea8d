package io.beseda.channel.viber;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Beseda reaches Viber's REST Bot API (tests point it at a local stand-in) and how long it waits.
 *
 * @param baseUrl the API's address; calls go to {@code <baseUrl>/pa/<method>}
 * @param timeout how long to wait to connect and for an answer
 */
@ConfigurationProperties("beseda.channel.viber")
record ViberProperties(@DefaultValue("https://chatapi.viber.com") URI baseUrl, @DefaultValue("10s") Duration timeout) {
}
