package io.beseda.catalog;

import java.net.URI;

import org.junit.jupiter.api.Test;

import io.beseda.workspace.WorkspaceId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

class FeedImportGuardTests {

    @Test
    void feedsAreNeverFetchedFromThisMachineOrAPrivateNetwork() {
        var imports = mock(CatalogImport.class);
        var feeds = new FeedImports(imports, false);
        var workspace = new WorkspaceId(java.util.UUID.randomUUID());

        for (var url : new String[] {"http://localhost:8080/actuator/prometheus", "http://127.0.0.1/feed.xml", "http://10.0.0.5/feed.xml",
                "http://192.168.1.1/feed.xml", "http://169.254.169.254/latest/meta-data/", "http://[::1]/feed.xml", "http://[fd00::1]/feed.xml"}) {
            assertThatThrownBy(() -> feeds.fetch(workspace, URI.create(url))).as(url).isInstanceOf(FeedDownloadException.class)
                    .hasMessageContaining("внутренней сети");
        }
        verifyNoInteractions(imports);
        assertThat(FeedImports.inPrivateNetwork(URI.create("http://93.184.215.14/feed.xml"))).isFalse();
    }
}
