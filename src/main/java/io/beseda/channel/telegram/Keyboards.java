package io.beseda.channel.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

import io.beseda.channel.QuickReply;
import io.beseda.workspace.WorkspaceId;

/**
 * Quick replies as an inline keyboard under the message, and a pressed button back to its title. Short titles
 * share a row (a CSAT scale «1 … 5» is one row), longer ones get a row each, so nothing is cut on a phone.
 */
final class Keyboards {

    /** The characters of titles one row holds before the next button starts a new row. */
    static final int ROW_CHARACTERS = 24;

    private Keyboards() {
    }

    static @Nullable InlineKeyboardMarkup of(WorkspaceId workspace, List<QuickReply> replies, CallbackData data) {
        if (replies.isEmpty()) {
            return null;
        }
        var rows = new ArrayList<InlineKeyboardRow>();
        var row = new InlineKeyboardRow();
        var width = 0;
        for (var reply : replies) {
            if (!row.isEmpty() && width + reply.title().length() > ROW_CHARACTERS) {
                rows.add(row);
                row = new InlineKeyboardRow();
                width = 0;
            }
            row.add(InlineKeyboardButton.builder().text(reply.title()).callbackData(data.forPayload(workspace, reply.payload())).build());
            width += reply.title().length();
        }
        rows.add(row);
        return new InlineKeyboardMarkup(rows);
    }

    /** The title of the button that carried {@code data} on a message's keyboard, if it is there. */
    static @Nullable String titleOf(@Nullable InlineKeyboardMarkup markup, String data) {
        if (markup == null || markup.getKeyboard() == null) {
            return null;
        }
        return markup.getKeyboard().stream().filter(Objects::nonNull).flatMap(List::stream)
                .filter(button -> data.equals(button.getCallbackData())).map(InlineKeyboardButton::getText)
                .findFirst().orElse(null);
    }
}
