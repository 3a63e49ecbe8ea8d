package io.beseda.channel.web;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.beseda.workspace.Actor;

/** The sandbox phone: what customers would have received through the workspace's sandbox accounts. */
@Controller
class SandboxPhoneController {

    record Received(String channel, @Nullable String address, String body, Instant at, String customer) {
    }

    private final JdbcClient jdbc;

    SandboxPhoneController(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        return "channel/sandbox";
    }
}
