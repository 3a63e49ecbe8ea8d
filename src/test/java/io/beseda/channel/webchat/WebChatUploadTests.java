package io.beseda.channel.webchat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.beseda.channel.Attachments;
import io.beseda.channel.InboundMessages;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.Actor;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Photos from the widget: what is kept, what is refused and how the refusal reads. */
@BesedaTest
class WebChatUploadTests {

    /** The smallest valid PNG: one transparent pixel. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    WebChatAccounts accounts;

    @Autowired
    Attachments attachments;

    @Autowired
    InboundMessages inbound;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aPhotoIsKeptAndTravelsWithTheMessage() {
        var chat = chat(null);
        var visitor = UUID.randomUUID().toString();
        var response = upload(chat.settings().inboxToken(), visitor, "дефект.png", PNG, null);
        assertThat(response.statusCode()).isEqualTo(201);
        var body = body(response);
        assertThat(body.get("mimeType")).isEqualTo("image/png");
        var url = body.get("url").toString();
        assertThat(attachments.fromUrl(chat.workspaceId(), url)).isPresent();

        try (var widget = WidgetClient.hello(port, chat.settings().inboxToken(), visitor)) {
            widget.send(Map.of("type", "message", "clientId", "c-photo", "attachments", List.of(url)));
            var id = UUID.fromString(widget.await("status").get("messageId").toString());
            var stored = inbound.find(chat.workspaceId(), id).orElseThrow();
            assertThat(stored.attachments()).singleElement().satisfies(a -> {
                assertThat(a.url()).isEqualTo(url);
                assertThat(a.mimeType()).isEqualTo("image/png");
                assertThat(a.size()).isEqualTo(PNG.length);
            });
        }
    }

    @Test
    void aFileOverTenMegabytesIsRefusedWithAClearMessage() {
        var chat = chat(null);
        var justOver = Arrays.copyOf(PNG, 10 * 1024 * 1024 + 1);
        var refused = upload(chat.settings().inboxToken(), UUID.randomUUID().toString(), "big.png", justOver, null);
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(body(refused)).containsEntry("code", "attachment.too-large").containsEntry("message", "Файл больше 10 МБ");

        var farOver = Arrays.copyOf(PNG, 11 * 1024 * 1024 + 512 * 1024);
        var cut = upload(chat.settings().inboxToken(), UUID.randomUUID().toString(), "huge.png", farOver, null);
        assertThat(cut.statusCode()).isEqualTo(413);
        assertThat(cut.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(body(cut)).containsEntry("message", "Файл больше 10 МБ");
    }

    @Test
    void onlyPhotosAreTakenWhateverTheNameSays() {
        var chat = chat(null);
        var visitor = UUID.randomUUID().toString();
        for (var file : List.of("%PDF-1.7 счёт".getBytes(StandardCharsets.UTF_8), "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))) {
            var refused = upload(chat.settings().inboxToken(), visitor, "photo.png", file, null);
            assertThat(refused.statusCode()).isEqualTo(415);
            assertThat(body(refused)).containsEntry("code", "attachment.type")
                    .containsEntry("message", "Можно отправить только фото: JPEG, PNG, GIF или WebP");
        }
    }

    @Test
    void anUnknownTokenOrAForeignSiteUploadsNothing() {
        assertThat(upload("wc_unknown", UUID.randomUUID().toString(), "a.png", PNG, null).statusCode()).isEqualTo(401);
        var chat = chat("https://shop.example");
        assertThat(upload(chat.settings().inboxToken(), UUID.randomUUID().toString(), "a.png", PNG, "https://evil.example").statusCode())
                .isEqualTo(403);
        var own = upload(chat.settings().inboxToken(), UUID.randomUUID().toString(), "a.png", PNG, "https://shop.example");
        assertThat(own.statusCode()).isEqualTo(201);
        assertThat(own.headers().firstValue("Access-Control-Allow-Origin")).contains("https://shop.example");
    }

    @Test
    void aMessageCannotCarryAnotherWorkspacesFile() {
        var mine = chat(null);
        var theirs = chat(null);
        var foreign = body(upload(theirs.settings().inboxToken(), UUID.randomUUID().toString(), "a.png", PNG, null)).get("url").toString();
        try (var widget = WidgetClient.hello(port, mine.settings().inboxToken(), UUID.randomUUID().toString())) {
            widget.send(Map.of("type", "message", "clientId", "c-1", "attachments", List.of(foreign)));
            assertThat(widget.error("file-unknown").get("clientId")).isEqualTo("c-1");
        }
    }

    private WebChatAccount chat(@Nullable String origins) {
        var tenant = workspaces.create("Фото");
        return accounts.create(Actor.system(tenant.workspace().id(), "test"), new WebChatForm("Сайт", null, null, Map.of(), origins));
    }

    private Map<String, Object> body(HttpResponse<String> response) {
        return json.readValue(response.body(), new TypeReference<Map<String, Object>>() {
        });
    }

    private HttpResponse<String> upload(String token, String visitor, String name, byte[] content, @Nullable String origin) {
        var boundary = "----beseda" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        field(body, boundary, "token", token);
        field(body, boundary, "visitorId", visitor);
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/widget/uploads"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (origin != null) {
            request.header("Origin", origin);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
    }
}
