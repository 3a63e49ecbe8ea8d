package io.beseda.channel.demo;

import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.beseda.channel.ChannelAccounts;
import io.beseda.consent.Channel;
import io.beseda.workspace.Workspaces;

/** Gives «Демо-магазин» a sandbox account in every channel the first time it starts. */
@Component
@Order(3)
class DemoChannels implements ApplicationRunner {

    private final Workspaces workspaces;
    private final ChannelAccounts accounts;

    DemoChannels(Workspaces workspaces, ChannelAccounts accounts) {
        this.workspaces = workspaces;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        workspaces.findBySlug("demo").filter(w -> accounts.list(w.id()).isEmpty()).ifPresent(demo -> {
            for (var channel : Channel.values()) {
                accounts.add(demo.id(), channel, "sandbox", "Песочница " + channel, Map.of(), 20);
            }
        });
    }
}
