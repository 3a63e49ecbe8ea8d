package io.beseda.channel;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.beseda.shared.RuleViolationException;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@BesedaTest
class AttachmentsTests {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Attachments attachments;

    @Test
    void aPhotoIsKeptAndServedByItsLinkWithTheSniffedType() {
        var ws = workspaces.create("Фото").workspace().id();

        var stored = attachments.store(ws, "../../брак.png", PNG);

        assertThat(stored.mimeType()).isEqualTo("image/png");
        assertThat(stored.name()).isEqualTo("брак.png");
        assertThat(stored.size()).isEqualTo(PNG.length);
        var served = Http.api(port).get(stored.url());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void aLinkWithAnotherTokenFindsNothing() {
        var ws = workspaces.create("Чужая ссылка").workspace().id();
        var stored = attachments.store(ws, "a.png", PNG);
        var forged = stored.url().substring(0, stored.url().lastIndexOf('/') + 1) + "A".repeat(32);

        assertThat(Http.api(port).get(forged).statusCode()).isEqualTo(404);
    }

    @Test
    void anHtmlPageCalledAPhotoIsRefused() {
        var ws = workspaces.create("Подделка").workspace().id();
        var html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> attachments.store(ws, "photo.jpg", html))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("attachment.type"));
    }

    @Test
    void aFileOverTheLimitIsRefusedWithItsSize() {
        var ws = workspaces.create("Большой файл").workspace().id();
        var big = Arrays.copyOf(PNG, (int) attachments.maxBytes() + 1);

        assertThatThrownBy(() -> attachments.store(ws, "big.png", big))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("attachment.too-large"));
    }

    @Test
    void anotherWorkspaceCannotReadAFileByItsUrl() {
        var a = workspaces.create("Свой файл").workspace().id();
        var b = workspaces.create("Чужой файл").workspace().id();
        var stored = attachments.store(a, "a.png", PNG);

        assertThat(attachments.fromUrl(a, stored.url())).isPresent();
        assertThat(attachments.fromUrl(b, stored.url())).isEmpty();
    }
}
