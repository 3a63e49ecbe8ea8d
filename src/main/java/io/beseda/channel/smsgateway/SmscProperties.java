package io.beseda.channel.smsgateway;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Beseda reaches SMSC.ru's HTTP API (tests point it at a local stand-in) and how long it waits.
 *
 * @param baseUrl the API's address; calls go to {@code <baseUrl>/sys/send.php} and {@code <baseUrl>/sys/balance.php}
 * @param timeout how long to wait to connect and for an answer
 */
@ConfigurationProperties("beseda.channel.smsc")
record SmscProperties(@DefaultValue("https://smsc.ru") URI baseUrl, @DefaultValue("10s") Duration timeout) {
}
