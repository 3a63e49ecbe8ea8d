package io.beseda.catalog;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.beseda.testing.BesedaTest;
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue API as a shop's integration uses it: feeds in, offers and stores out, one workspace at a time. */
@BesedaTest
class CatalogApiTests {

    static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <yml_catalog date="2026-11-20 10:00">
              <shop>
                <categories>
                  <category id="1">Одежда</category>
                  <category id="2" parentId="1">Куртки</category>
                  <category id="3">Аксессуары</category>
                </categories>
                <offers>
                  <offer id="jacket-48" group_id="jacket" available="true">
                    <price>12490</price><currencyId>RUR</currencyId><categoryId>2</categoryId>
                    <picture>https://shop.example/jacket-1.jpg</picture>
                    <name>Пуховик «Север» мужской</name><vendor>Северный ветер</vendor>
                    <param name="Размер" unit="RU">48</param>
                    <outlets><outlet id="msk-1" instock="3"/><outlet id="spb-1" instock="1"/></outlets>
                  </offer>
                  <offer id="bag" available="false"><name>Сумка 100%_кожа</name><vendor>Tecno</vendor><price>3490</price>
                    <categoryId>3</categoryId></offer>
                  <offer id="scarf"><name>Шарф</name><price>бесплатно</price></offer>
                </offers>
              </shop>
            </yml_catalog>
            """;

    @RegisterExtension
    static WireMockExtension feedServer = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    JsonMapper json;

    @Test
    void anUploadedFeedIsImportedAndItsReportKept() {
        var shop = workspaces.create("Каталог API");

        var upload = upload(shop.apiKey(), "application/xml", FEED);

        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
        var report = json.readTree(upload.body());
        assertThat(report.get("source").asString()).isEqualTo("upload");
        assertThat(report.get("categories").asInt()).isEqualTo(3);
        assertThat(report.get("added").asInt()).isEqualTo(2);
        assertThat(report.get("refused").asInt()).isEqualTo(1);
        assertThat(report.get("refusals").get(0).get("offerId").asString()).isEqualTo("scarf");
        assertThat(report.get("refusals").get(0).get("line").asInt()).isPositive();
        assertThat(report.get("failure").isNull()).isTrue();
        var again = json.readTree(upload(shop.apiKey(), "text/xml", FEED).body());
        assertThat(again.get("unchanged").asInt()).isEqualTo(2);

        var api = Http.api(port);
        var recent = json.readTree(api.call("GET", "/api/v1/catalog/imports", shop.apiKey(), null).body());
        assertThat(recent.size()).isEqualTo(2);
        assertThat(recent.get(0).get("id").asString()).as("newest first").isEqualTo(again.get("id").asString());
        var stored = api.call("GET", "/api/v1/catalog/imports/" + report.get("id").asString(), shop.apiKey(), null);
        assertThat(json.readTree(stored.body())).isEqualTo(report);
    }

    @Test
    void aFeedIsFetchedFromTheShopsUrl() {
        var shop = workspaces.create("Каталог по ссылке");
        feedServer.stubFor(get("/feeds/yml.xml").willReturn(aResponse().withHeader("Content-Type", "application/xml").withBody(FEED)));
        feedServer.stubFor(get("/feeds/gone.xml").willReturn(aResponse().withStatus(404)));
        var api = Http.api(port);

        var fetched = api.call("POST", "/api/v1/catalog/imports", shop.apiKey(),
                "{\"url\": \"" + feedServer.baseUrl() + "/feeds/yml.xml\"}");
        assertThat(fetched.statusCode()).as(fetched.body()).isEqualTo(200);
        assertThat(json.readTree(fetched.body()).get("source").asString()).isEqualTo(feedServer.baseUrl() + "/feeds/yml.xml");
        assertThat(json.readTree(fetched.body()).get("added").asInt()).isEqualTo(2);

        var gone = api.call("POST", "/api/v1/catalog/imports", shop.apiKey(), "{\"url\": \"" + feedServer.baseUrl() + "/feeds/gone.xml\"}");
        assertThat(gone.statusCode()).isEqualTo(502);
        assertThat(gone.body()).contains("404");
        var notHttp = api.call("POST", "/api/v1/catalog/imports", shop.apiKey(), "{\"url\": \"file:///etc/passwd\"}");
        assertThat(notHttp.statusCode()).isEqualTo(400);
        assertThat(notHttp.body()).contains("\"field\":\"url\"");
    }

    @Test
    void aFileThatIsNotAFeedIsRefusedWithItsReport() {
        var shop = workspaces.create("Не фид");

        var html = upload(shop.apiKey(), "application/xml", "<html><body>Магазин</body></html>");

        assertThat(html.statusCode()).isEqualTo(422);
        assertThat(json.readTree(html.body()).get("failure").asString()).contains("yml_catalog");
        assertThat(json.readTree(Http.api(port).call("GET", "/api/v1/catalog/imports", shop.apiKey(), null).body()).size())
                .as("the failed import is in the history").isEqualTo(1);
    }

    @Test
    void aFeedOverFiftyMegabytesIsRefusedWhileItIsRead() throws Exception {
        var shop = workspaces.create("Большой фид");
        var head = "<?xml version=\"1.0\"?><yml_catalog><shop>".getBytes(StandardCharsets.UTF_8);
        var filler = ("<pad>" + "x".repeat(4000) + "</pad>\n").getBytes(StandardCharsets.UTF_8);
        // no Content-Length: the limit has to hold while the stream is read, not just on what the sender announced
        var body = HttpRequest.BodyPublishers.ofInputStream(() -> new Repeating(head, filler, FeedImports.MAX_BYTES + 64 * 1024));

        var response = send(shop.apiKey(), "application/xml", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.body()).contains("50 MB");
    }

    @Test
    void theOpenApiDocumentDescribesBothWaysToImport() {
        var document = json.readTree(Http.api(port).get("/api/docs/openapi.json").body());

        var imports = document.get("paths").get("/api/v1/catalog/imports").get("post").get("requestBody").get("content");
        assertThat(imports.propertyNames()).contains("application/xml", "text/xml", "application/json");
        assertThat(document.get("paths").get("/api/v1/catalog/offers").get("get").get("description").asString())
                .contains("real catalogue search");
        assertThat(document.get("paths").propertyNames()).contains("/api/v1/catalog/imports/{importId}",
                "/api/v1/catalog/offers/{offerId}", "/api/v1/catalog/stores", "/api/v1/catalog/stores/{storeId}");
    }

    private HttpResponse<String> upload(String apiKey, String type, String feed) {
        return send(apiKey, type, HttpRequest.BodyPublishers.ofString(feed));
    }

    private HttpResponse<String> send(String apiKey, String type, HttpRequest.BodyPublisher body) {
        try (var client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/catalog/imports"))
                    .header("Authorization", "Bearer " + apiKey).header("Content-Type", type).POST(body).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A head followed by the same filler again and again, up to a length, made as it is read. */
    static final class Repeating extends InputStream {
        private final byte[] head;
        private final byte[] filler;
        private final long length;
        private long position;

        Repeating(byte[] head, byte[] filler, long length) {
            this.head = head;
            this.filler = filler;
            this.length = length;
        }

        @Override
        public int read() {
            if (position >= length) {
                return -1;
            }
            var b = position < head.length ? head[(int) position] : filler[(int) ((position - head.length) % filler.length)];
            position++;
            return b & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) {
            if (position >= length) {
                return -1;
            }
            int n = (int) Math.min(count, length - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) read();
            }
            return n;
        }
    }
}
