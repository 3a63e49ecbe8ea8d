package io.beseda.channel.webchat;

import java.util.UUID;

import io.beseda.channel.ChannelAccount;
import io.beseda.workspace.WorkspaceId;

/** A web-chat account: one site's widget, with its settings read from the account's map. */
record WebChatAccount(UUID id, WorkspaceId workspaceId, String name, WebChatSettings settings) {

    static WebChatAccount of(ChannelAccount account) {
        return new WebChatAccount(account.id(), account.workspaceId(), account.name(), WebChatSettings.fromMap(account.settings()));
    }
}
