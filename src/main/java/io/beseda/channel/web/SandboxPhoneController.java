package io.beseda.channel.web;

import java.time.Clock;
import java.time.Instant;
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

import io.beseda.channel.InboundMessage;
import io.beseda.channel.InboundMessages;
import io.beseda.channel.SenderKinds;
import io.beseda.consent.Channel;
import io.beseda.customer.Identity;

import io.beseda.workspace.Actor;

/** The sandbox phone: what customers would have received through the workspace's sandbox accounts. */
@Controller
class SandboxPhoneController {

    record Received(String channel, @Nullable String address, String body, Instant at, String customer) {
    }

    private final JdbcClient jdbc;
    private final InboundMessages inbound;
    private final Clock clock;

    SandboxPhoneController(JdbcClient jdbc, InboundMessages inbound, Clock clock) {
        this.jdbc = jdbc;
        this.inbound = inbound;
        this.clock = clock;
    }

    /** Writes as the customer would: the message comes in exactly as a provider's webhook would bring it. */
    @PostMapping("/sandbox/reply")
    String reply(Actor actor, @RequestParam Channel channel, @RequestParam String address, @RequestParam String text,
                 RedirectAttributes redirect) {
        if (!SenderKinds.canWriteFrom(channel) || address.isBlank() || text.isBlank() || text.length() > 4096) {
            redirect.addFlashAttribute("error", "sandbox.reply.invalid");
            return "redirect:/sandbox";
        }
        inbound.receive(actor.workspaceId(), new InboundMessage(channel, "sandbox-" + UUID.randomUUID(),
                Identity.of(SenderKinds.kindOf(channel), address), null, text.strip(), List.of(), null, clock.instant()));
        redirect.addFlashAttribute("notice", "sandbox.reply.received");
        redirect.addFlashAttribute("noticeArg", address);
        return "redirect:/sandbox";
    }


    @GetMapping("/sandbox")
    String phone(Actor actor, Model model) {
        List<Received> messages = jdbc.sql("""
                select s.channel, s.address, s.body, s.created_at, m.customer_id from sandbox_message s
                join outbound_message m on m.workspace_id = s.workspace_id and m.id = s.message_id
                where s.workspace_id = ? order by s.created_at desc limit 200""")
                .param(actor.workspaceId().value())
                .query((row, n) -> new Received(row.getString("channel"), row.getString("address"), row.getString("body"),
                        row.getTimestamp("created_at").toInstant(), row.getString("customer_id")))
                .list();
        model.addAttribute("messages", messages);
        model.addAttribute("channels", java.util.Arrays.stream(Channel.values()).filter(SenderKinds::canWriteFrom).toList());
        return "channel/sandbox";
    }
}
