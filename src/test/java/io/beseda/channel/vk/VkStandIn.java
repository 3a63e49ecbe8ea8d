package io.beseda.channel.vk;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * VK as the tests meet it: one WireMock server for the whole run (so the VK test classes share one Spring context,
 * which points {@code beseda.channel.vk.base-url} at it through {@link #PROPERTY}), answering the methods the
 * connector calls the way VK's documentation shows them. Every test starts from these answers and an empty journal.
 */
final class VkStandIn implements BeforeEachCallback {

    /** The system property the VK test classes' {@code @TestPropertySource} reads the stand-in's address from. */
    static final String PROPERTY = "beseda.test.vk-stand-in";

    static final long GROUP = 229_117_004L;
    static final String SECRET = "vkCallbackSecret42";
    static final String TOKEN = "vk1.a.community-token";
    static final String CONFIRMATION = "3f1c9a7e";

    private static final WireMockServer SERVER = start();

    private static WireMockServer start() {
        var server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        System.setProperty(PROPERTY, server.baseUrl());
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    static VkStandIn shared() {
        return new VkStandIn();
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
        method("users.get", "[{\"id\": 1, \"first_name\": \"Анна\", \"last_name\": \"Смирнова\", \"can_access_closed\": true}]");
        SERVER.stubFor(post(urlPathEqualTo("/method/messages.send")).atPriority(10)
                .willReturn(okJson("{\"response\": {{randomInt lower=1000 upper=2000000000}} }").withTransformers("response-template")));
        method("photos.getMessagesUploadServer", "{\"album_id\": -64, \"upload_url\": \"" + baseUrl() + "/upload/photo\", \"user_id\": 0, \"group_id\": " + GROUP + "}");
        SERVER.stubFor(post(urlPathEqualTo("/upload/photo")).atPriority(10)
                .willReturn(okJson("{\"server\": 853224, \"photo\": \"[{\\\"markers_restarted\\\":true,\\\"photo\\\":\\\"4d8c1d4e2b:w\\\"}]\", \"hash\": \"b1e8f2\"}")));
        method("photos.saveMessagesPhoto", "[{\"album_id\": -64, \"date\": 1732363200, \"id\": 457239017, \"owner_id\": -" + GROUP
                + ", \"access_key\": \"ak51c0\", \"sizes\": [], \"text\": \"\", \"has_tags\": false}]");
        method("docs.getMessagesUploadServer", "{\"upload_url\": \"" + baseUrl() + "/upload/doc\"}");
        SERVER.stubFor(post(urlPathEqualTo("/upload/doc")).atPriority(10).willReturn(okJson("{\"file\": \"doc-file-7f3a\"}")));
        method("docs.save", "{\"type\": \"doc\", \"doc\": {\"id\": 675112, \"owner_id\": -" + GROUP + ", \"title\": \"счёт.pdf\", \"ext\": \"pdf\"}}");
        method("messages.sendMessageEventAnswer", "1");
        method("groups.getCallbackConfirmationCode", "{\"code\": \"" + CONFIRMATION + "\"}");
    }

    /** Answers a method with {@code {"response": <response>}}, VK's shape of success. */
    void method(String name, String response) {
        SERVER.stubFor(post(urlPathEqualTo("/method/" + name)).atPriority(10).willReturn(okJson("{\"response\": " + response + "}")));
    }

    /** Answers a method with VK's error object (VK says errors with HTTP 200). */
    void error(String name, int code, String message) {
        SERVER.stubFor(post(urlPathEqualTo("/method/" + name)).atPriority(5)
                .willReturn(okJson("{\"error\": {\"error_code\": " + code + ", \"error_msg\": \"" + message + "\", \"request_params\": []}}")));
    }

    /** Serves a file (a customer's photo on VK's servers) at {@code path}. */
    String file(String path, byte[] content) {
        SERVER.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(content)));
        return baseUrl() + path;
    }

    /** The calls of a method, as their form parameters, in order. */
    List<Map<String, String>> calls(String method) {
        return SERVER.findAll(postRequestedFor(urlPathEqualTo("/method/" + method))).stream().map(VkStandIn::form).toList();
    }

    List<LoggedRequest> uploads(String kind) {
        return SERVER.findAll(postRequestedFor(urlPathEqualTo("/upload/" + kind)));
    }

    static Map<String, String> form(LoggedRequest request) {
        var form = new LinkedHashMap<String, String>();
        for (var pair : request.getBodyAsString().split("&")) {
            var at = pair.indexOf('=');
            if (at > 0) {
                form.put(URLDecoder.decode(pair.substring(0, at), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(at + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
