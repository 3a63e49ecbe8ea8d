package io.beseda.channel.vk;

import java.net.URI;

import org.springframework.stereotype.Component;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.ChannelConnector;
import io.beseda.channel.ChannelConnectorFactory;
import io.beseda.channel.ConnectionCheck;
import io.beseda.customer.Customers;
import tools.jackson.databind.json.JsonMapper;

/**
 * VK community messages ({@code vk}). VK publishes no per-dialogue pace, only the 20 calls a second per community
 * token that {@link VkApi} keeps to and its flood control (error 9), which the connector answers by waiting; so
 * there is no per-chat interval.
 */
@Component
class VkConnectorFactory implements ChannelConnectorFactory, ConnectionCheck {

    static final String PROVIDER = "vk";

    private final ChannelAccounts accounts;
    private final VkApi api;
    private final VkUploads uploads;
    private final VkCallbackServers servers;
    private final Customers customers;
    private final JsonMapper json;

    VkConnectorFactory(ChannelAccounts accounts, VkApi api, VkUploads uploads, VkCallbackServers servers, Customers customers,
                       JsonMapper json) {
        this.accounts = accounts;
        this.api = api;
        this.uploads = uploads;
        this.servers = servers;
        this.customers = customers;
        this.json = json;
    }

    @Override
    public io.beseda.consent.Channel channel() {
        return io.beseda.consent.Channel.VK;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public Class<? extends Record> settingsType() {
        return VkSettings.class;
    }

    @Override
    public ChannelConnector create(ChannelAccount account) {
        return new VkConnector(accounts.settings(account, VkSettings.class), api, uploads, customers, json);
    }

    @Override
    public Result test(ChannelAccount account) {
        return servers.test(accounts.settings(account, VkSettings.class));
    }

    @Override
    public Result registerWebhook(ChannelAccount account, URI webhook) {
        return servers.register(account, accounts.settings(account, VkSettings.class), webhook);
    }
}
