package io.beseda.conversation.live;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.beseda.workspace.WorkspaceId;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The hub's bounds: streams per person and per node. */
class LiveHubTests {

    private final LiveHub hub = new LiveHub(new LiveSettings(Duration.ofSeconds(20), Duration.ofMinutes(1), 3, 2, 16, 100),
            JsonMapper.builder().build());

    @Test
    void aPersonsOldestTabIsClosedBeyondTheirLimit() {
        var workspace = new WorkspaceId(UUID.randomUUID());
        var user = UUID.randomUUID();
        hub.subscribe(workspace, user);
        hub.subscribe(workspace, user);
        hub.subscribe(workspace, user);

        await().atMost(Duration.ofSeconds(5)).until(() -> hub.open(workspace) == 2);
        assertThat(hub.open()).isEqualTo(2);
    }

    @Test
    void aFullNodeRefusesNewStreams() {
        var workspace = new WorkspaceId(UUID.randomUUID());
        hub.subscribe(workspace, UUID.randomUUID());
        hub.subscribe(workspace, UUID.randomUUID());
        hub.subscribe(workspace, UUID.randomUUID());

        assertThatThrownBy(() -> hub.subscribe(workspace, UUID.randomUUID())).isInstanceOf(LiveHub.TooManyStreamsException.class);
        assertThat(hub.open()).isEqualTo(3);
    }
}
