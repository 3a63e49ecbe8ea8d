package io.beseda.channel.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.beseda.channel.Attachment;
import io.beseda.channel.InboundMessage;
import io.beseda.channel.InboundMessages;
import io.beseda.channel.MessageStatus;
import io.beseda.channel.QuickReply;
import io.beseda.channel.Receipts;
import io.beseda.channel.SenderKinds;
import io.beseda.consent.Channel;
import io.beseda.customer.Identity;
import io.beseda.workspace.Actor;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox phone: what customers would have received through the workspace's sandbox accounts —
 * text, files and buttons — and a way to answer as that customer, press a button, or read the message
 * (which sends the read receipt a messenger would).
 */
@Controller
class SandboxPhoneController {

    record Received(String providerMessageId, String channel, @Nullable String address, @Nullable String subject, String body,
                    Instant at, String customer, String status, List<QuickReply> quickReplies, List<Attachment> attachments) {

        /** A piece of the text: a link (http or https only) the phone would make tappable, or plain text. */
        record Part(String text, @Nullable String href) {
        }

        private static final java.util.regex.Pattern LINK = java.util.regex.Pattern.compile("https?://[^\\s<>\"«»]+[^\\s<>\"«».,;:!?)]");

        /** The body in pieces, so links are links and everything else stays text. */
        public List<Part> parts() {
            var parts = new java.util.ArrayList<Part>();
            var matcher = LINK.matcher(body);
            int from = 0;
            while (matcher.find()) {
                if (matcher.start() > from) {
                    parts.add(new Part(body.substring(from, matcher.start()), null));
                }
                parts.add(new Part(matcher.group(), matcher.group()));
                from = matcher.end();
            }
            if (from < body.length()) {
                parts.add(new Part(body.substring(from), null));
            }
            return parts;
        }

        public boolean canAnswer() {
            return address != null && SenderKinds.canWriteFrom(Channel.valueOf(channel));
        }

        /** How an SMS would travel (parts, encoding): null for other channels. */
        public io.beseda.channel.@Nullable SmsParts sms() {
            return Channel.SMS.name().equals(channel) ? io.beseda.channel.SmsParts.of(body) : null;
        }
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final InboundMessages inbound;
    private final Receipts receipts;
    private final Clock clock;

    SandboxPhoneController(JdbcClient jdbc, JsonMapper json, InboundMessages inbound, Receipts receipts, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.inbound = inbound;
        this.receipts = receipts;
        this.clock = clock;
    }

    /** Writes (or presses a button) as the customer would: the message comes in as a provider's webhook would bring it. */
    @PostMapping("/sandbox/reply")
    String reply(Actor actor, @RequestParam Channel channel, @RequestParam String address, @RequestParam String text,
                 @RequestParam(required = false) @Nullable String button, RedirectAttributes redirect) {
        if (!SenderKinds.canWriteFrom(channel) || address.isBlank() || text.isBlank() || text.length() > 4096
                || (button != null && button.length() > 256)) {
            redirect.addFlashAttribute("error", "sandbox.reply.invalid");
            return "redirect:/sandbox";
        }
        inbound.receive(actor.workspaceId(), new InboundMessage(channel, "sandbox-" + UUID.randomUUID(),
                Identity.of(SenderKinds.kindOf(channel), address), null, text.strip(), List.of(),
                button == null || button.isBlank() ? null : button, clock.instant()));
        redirect.addFlashAttribute("notice", "sandbox.reply.received");
        redirect.addFlashAttribute("noticeArg", address);
        return "redirect:/sandbox";
    }

    /** The customer opened the message: the read receipt a messenger would send. */
    @PostMapping("/sandbox/read")
    String read(Actor actor, @RequestParam String providerMessageId, RedirectAttributes redirect) {
        receipts.record(actor.workspaceId(), providerMessageId, MessageStatus.DELIVERED);
        receipts.record(actor.workspaceId(), providerMessageId, MessageStatus.READ);
        redirect.addFlashAttribute("notice", "sandbox.read.done");
        redirect.addFlashAttribute("noticeArg", "");
        return "redirect:/sandbox";
    }

    @GetMapping("/sandbox")
    String phone(Actor actor, Model model) {
        List<Received> messages = jdbc.sql("""
                select m.provider_message_id, s.channel, s.address, s.subject, s.body, s.created_at, m.customer_id, m.status,
                       s.quick_replies, s.attachments
                from sandbox_message s join outbound_message m on m.workspace_id = s.workspace_id and m.id = s.message_id
                where s.workspace_id = ? order by s.created_at desc limit 200""")
                .param(actor.workspaceId().value())
                .query((row, n) -> new Received(row.getString("provider_message_id"), row.getString("channel"), row.getString("address"),
                        row.getString("subject"), row.getString("body"), row.getTimestamp("created_at").toInstant(), row.getString("customer_id"),
                        row.getString("status"), json.readValue(row.getString("quick_replies"), new TypeReference<List<QuickReply>>() {
                        }), json.readValue(row.getString("attachments"), new TypeReference<List<Attachment>>() {
                        })))
                .list();
        model.addAttribute("messages", messages);
        model.addAttribute("channels", Arrays.stream(Channel.values()).filter(SenderKinds::canWriteFrom).toList());
        return "channel/sandbox";
    }
}
