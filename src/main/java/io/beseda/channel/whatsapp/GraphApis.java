package io.beseda.channel.whatsapp;

import java.net.http.HttpClient;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import tools.jackson.databind.json.JsonMapper;

/** Makes the Graph API client for an account: one HTTP client for all, each account's own number and token. */
@Component
class GraphApis {

    private final WhatsAppProperties properties;
    private final ChannelAccounts accounts;
    private final JsonMapper json;
    private final RestClient http;

    GraphApis(WhatsAppProperties properties, ChannelAccounts accounts, JsonMapper json) {
        this.properties = properties;
        this.accounts = accounts;
        this.json = json;
        // HTTP/1.1: the JDK client's cleartext HTTP/2 upgrade got multipart uploads reset by a local stand-in; the
        // Graph API answers both alike
        var requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.timeout()).build());
        requests.setReadTimeout(properties.timeout());
        this.http = RestClient.builder().baseUrl(properties.baseUrl()).requestFactory(requests).build();
    }

    GraphApi of(ChannelAccount account) {
        return new GraphApi(http, json, properties.apiVersion(), accounts.settings(account, WhatsAppSettings.class));
    }
}
