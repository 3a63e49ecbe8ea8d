package io.beseda.channel.webchat;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.beseda.consent.Channel;

/**
 * What an admin edits on the settings page: the account's name, the widget's texts, the messenger links
 * and the allowed sites (one per line).
 */
record WebChatForm(String name, @Nullable String greeting, @Nullable String consentText, Map<Channel, String> links,
                   @Nullable String allowedOrigins) {

    WebChatForm {
        links = Map.copyOf(links);
    }
}
