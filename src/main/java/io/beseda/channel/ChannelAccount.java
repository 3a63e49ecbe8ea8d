package io.beseda.channel;

import java.util.Map;
import java.util.UUID;

import io.beseda.consent.Channel;
import io.beseda.workspace.WorkspaceId;

/** A workspace's account with a provider, with its settings and the rate the provider allows. */
public record ChannelAccount(UUID id, WorkspaceId workspaceId, Channel channel, String provider, String name,
                             Map<String, Object> settings, int ratePerSecond) {

    @Override
    public String toString() {
        return "ChannelAccount[" + provider + ":" + name + "]";
    }
}
