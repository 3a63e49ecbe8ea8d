package io.beseda.channel.push;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.github.tomakehurst.wiremock.WireMockServer;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The push services as the tests meet them: one WireMock server for the run, standing in for browsers' push
 * services (each subscription's endpoint is a path on it), Google's OAuth token endpoint and FCM's HTTP v1 API.
 * The push test classes share one Spring context, whose properties read the server's address from {@link #PROPERTY}.
 */
final class PushStandIn implements BeforeEachCallback {

    static final String PROPERTY = "beseda.test.push-stand-in";

    private static final WireMockServer SERVER = start();

    private static WireMockServer start() {
        var server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        System.setProperty(PROPERTY, server.baseUrl());
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    WireMockServer server() {
        return SERVER;
    }

    String baseUrl() {
        return SERVER.baseUrl();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        SERVER.resetAll();
    }
}
