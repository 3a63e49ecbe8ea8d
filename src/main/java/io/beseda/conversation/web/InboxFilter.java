package io.beseda.conversation.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.beseda.consent.Channel;
import io.beseda.conversation.ConversationStatus;

/**
 * What the inbox list shows, as it stands in the address bar (so a link to a view can be shared): a tab
 * and optional filters. Without a status, «Мои» and «Все» show every conversation that is not resolved;
 * «Без оператора» is always the open ones nobody has taken.
 */
record InboxFilter(Tab tab, @Nullable ConversationStatus status, @Nullable Channel channel, @Nullable UUID team,
                   @Nullable String label) {

    enum Tab {
        MINE, UNASSIGNED, ALL;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Tab of(@Nullable String value) {
            for (var tab : values()) {
                if (tab.key().equals(value)) {
                    return tab;
                }
            }
            return ALL;
        }
    }

    InboxFilter {
        label = label == null || label.isBlank() ? null : label.strip();
    }

    /** The list in another tab with the same filters. */
    public String link(Tab to) {
        return "/inbox" + query(to);
    }

    /** The fragment that redraws rows of this list. */
    public String rowsLink() {
        return "/inbox/rows" + query(tab);
    }

    private String query(Tab to) {
        var params = new LinkedHashMap<String, String>();
        params.put("tab", to.key());
        if (status != null && to != Tab.UNASSIGNED) {
            params.put("status", status.name());
        }
        if (channel != null) {
            params.put("channel", channel.name());
        }
        if (team != null) {
            params.put("team", team.toString());
        }
        if (label != null) {
            params.put("label", label);
        }
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }
}
