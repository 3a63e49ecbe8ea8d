package io.beseda.bot;

import java.util.List;

import io.beseda.channel.QuickReply;

/** One message the bot says, with buttons under it. */
record Said(String text, List<QuickReply> buttons) {

    Said {
        buttons = List.copyOf(buttons);
    }

    static Said text(String text) {
        return new Said(text, List.of());
    }
}
