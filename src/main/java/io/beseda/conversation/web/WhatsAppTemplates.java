package io.beseda.conversation.web;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.beseda.channel.MessageTemplate;
import io.beseda.channel.MessageTemplates;
import io.beseda.consent.Channel;
import io.beseda.consent.SendPolicy;
import io.beseda.conversation.Conversation;
import io.beseda.workspace.WorkspaceId;

/**
 * The composer's WhatsApp part: whether the 24-hour window is open (free text may go) and the approved
 * templates an operator may send instead when it is not.
 */
@Component
class WhatsAppTemplates {

    /** For a thread whose customer last wrote on WhatsApp. */
    record Picker(@Nullable Instant windowOpenUntil, List<MessageTemplate> templates) {

        public boolean windowOpen() {
            return windowOpenUntil != null;
        }
    }

    private final SendPolicy policy;
    private final MessageTemplates templates;

    WhatsAppTemplates(SendPolicy policy, MessageTemplates templates) {
        this.policy = policy;
        this.templates = templates;
    }

    /** Null when replies to this thread do not go to WhatsApp. */
    @Nullable Picker forThread(WorkspaceId workspace, Conversation conversation) {
        if (conversation.lastChannel() != Channel.WHATSAPP) {
            return null;
        }
        return new Picker(policy.whatsAppWindowOpenUntil(workspace, conversation.customer()).orElse(null),
                templates.approved(workspace, Channel.WHATSAPP));
    }

    boolean windowClosed(WorkspaceId workspace, Conversation conversation) {
        return conversation.lastChannel() == Channel.WHATSAPP
                && policy.whatsAppWindowOpenUntil(workspace, conversation.customer()).isEmpty();
    }
}
