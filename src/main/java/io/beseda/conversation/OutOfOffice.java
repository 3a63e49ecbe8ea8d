package io.beseda.conversation;

import java.sql.Date;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.workspace.WorkspaceId;

/**
 * Answers a customer who writes while the inbox is closed with its out-of-office text, at most once per
 * conversation per local day: the conversation row remembers the day (a conditional update decides), and
 * the outbox key carries the conversation and the date.
 */
@Component
class OutOfOffice {

    private final JdbcClient jdbc;
    private final AutomaticMessages automatic;
    private final ThreadTexts texts;

    OutOfOffice(JdbcClient jdbc, AutomaticMessages automatic, ThreadTexts texts) {
        this.jdbc = jdbc;
        this.automatic = automatic;
        this.texts = texts;
    }

    void answerIfClosed(WorkspaceId workspace, Conversation conversation, Inbox inbox, Instant at) {
        var text = inbox.outOfOfficeText();
        if (text == null || inbox.businessHours().isOpen(at, inbox.timeZone())) {
            return;
        }
        var day = at.atZone(inbox.timeZone()).toLocalDate();
        var first = jdbc.sql("""
                update conversation set out_of_office_sent_on = ?
                where workspace_id = ? and id = ? and out_of_office_sent_on is distinct from ?""")
                .params(Date.valueOf(day), workspace.value(), conversation.id(), Date.valueOf(day)).update();
        if (first == 1) {
            automatic.send(workspace, conversation, text, texts.text("conversation.author.auto-reply"), List.of(),
                    "ooo-" + conversation.id() + "-" + day);
        }
    }
}
