package io.beseda.channel.vk;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.ConnectionCheck;
import tools.jackson.databind.JsonNode;

/**
 * The account's side of VK's Callback API settings: who the token is ({@code groups.getById}), the confirmation
 * string ({@code groups.getCallbackConfirmationCode}), and Beseda's server in the community's list with the secret
 * key and the message events ({@code groups.getCallbackServers}, {@code addCallbackServer} or
 * {@code editCallbackServer}, {@code setCallbackSettings}). All of it works with the community's own token when it
 * has the right to manage the community; without that right the admin is told what to fill in by hand.
 */
@Component
class VkCallbackServers {

    static final String SERVER_TITLE = "Beseda";

    /** The events Beseda uses; every other box stays unticked. */
    static final Set<String> EVENTS = Set.of("message_new", "message_reply", "message_allow", "message_deny",
            "message_event", "message_read", "message_typing_state");

    private static final Set<Integer> NOT_ALLOWED = Set.of(7, 15, 27);

    private final VkApi api;
    private final ChannelAccounts accounts;
    private final VkProperties properties;

    VkCallbackServers(VkApi api, ChannelAccounts accounts, VkProperties properties) {
        this.api = api;
        this.accounts = accounts;
        this.properties = properties;
    }

    /** The string that confirms the server: the one in the settings, else VK's (with a token that may manage). */
    String confirmationCode(ChannelAccount account, VkSettings settings) throws VkException {
        var code = settings.confirmationCode();
        return code != null && !code.isBlank() ? code.strip() : fetchConfirmationCode(settings);
    }

    ConnectionCheck.Result test(VkSettings settings) {
        try {
            var answer = api.call(settings.accessToken(), "groups.getById", Map.of());
            var group = (answer.has("groups") ? answer.path("groups") : answer).path(0);
            var id = group.path("id").asLong(0);
            var name = group.path("name").asString("");
            if (id != settings.groupId()) {
                return ConnectionCheck.Result.failed("Ключ доступа принадлежит сообществу «" + name + "» (id " + id
                        + "), а в настройках указан id " + settings.groupId());
            }
            return ConnectionCheck.Result.ok("Сообщество «" + name + "» (vk.com/club" + id + "): ключ доступа действует");
        } catch (VkException e) {
            return ConnectionCheck.Result.failed(e.code() == 5
                    ? "ВКонтакте не принимает ключ доступа: он отозван или скопирован не полностью (" + e.getMessage() + ")"
                    : "ВКонтакте ответил ошибкой: " + e.getMessage());
        }
    }

    ConnectionCheck.Result register(ChannelAccount account, VkSettings settings, URI webhook) {
        try {
            var code = fetchConfirmationCode(settings);
            if (!code.equals(settings.confirmationCode())) {
                var changed = new HashMap<>(account.settings());
                changed.put("confirmationCode", code);
                accounts.updateSettings(account.workspaceId(), account.id(), changed);
            }
            var server = serverFor(settings, webhook);
            var events = new LinkedHashMap<String, Object>();
            events.put("group_id", settings.groupId());
            events.put("server_id", server);
            events.put("api_version", properties.apiVersion());
            EVENTS.stream().sorted().forEach(event -> events.put(event, 1));
            api.call(settings.accessToken(), "groups.setCallbackSettings", events);
            return ConnectionCheck.Result.ok("Сервер «" + SERVER_TITLE + "» (id " + server + ") добавлен в Callback API сообщества "
                    + "с секретным ключом и событиями сообщений, версия API " + properties.apiVersion()
                    + ". ВКонтакте подтвердит адрес сам; Beseda ответит строкой подтверждения " + code + ".");
        } catch (VkException e) {
            if (NOT_ALLOWED.contains(e.code())) {
                return ConnectionCheck.Result.failed(byHand(settings, webhook));
            }
            return ConnectionCheck.Result.failed("ВКонтакте не зарегистрировал сервер: " + e.getMessage());
        }
    }

    private String fetchConfirmationCode(VkSettings settings) throws VkException {
        var code = api.call(settings.accessToken(), "groups.getCallbackConfirmationCode", Map.of("group_id", settings.groupId()))
                .path("code").asString("");
        if (code.isBlank()) {
            throw VkException.transientFailure("VK gave an empty confirmation string", null);
        }
        return code;
    }

    /** Beseda's server in the community's list: the one with this address, made fresh or brought up to date. */
    private long serverFor(VkSettings settings, URI webhook) throws VkException {
        var server = Map.<String, Object>of("group_id", settings.groupId(), "url", webhook.toString(), "title", SERVER_TITLE,
                "secret_key", settings.callbackSecret());
        for (JsonNode known : api.call(settings.accessToken(), "groups.getCallbackServers", Map.of("group_id", settings.groupId()))
                .path("items")) {
            if (webhook.toString().equals(known.path("url").asString(""))) {
                var edited = new HashMap<>(server);
                edited.put("server_id", known.path("id").asLong());
                api.call(settings.accessToken(), "groups.editCallbackServer", edited);
                return known.path("id").asLong();
            }
        }
        return api.call(settings.accessToken(), "groups.addCallbackServer", server).path("server_id").asLong();
    }

    private String byHand(VkSettings settings, URI webhook) {
        return "У ключа доступа нет права «управление сообществом», поэтому сервер нужно добавить вручную. В сообществе "
                + "vk.com/club" + settings.groupId() + " откройте «Управление → Работа с API → Callback API»: версия API 5.199, "
                + "адрес " + webhook + ", секретный ключ — тот же, что в настройках Beseda. Строку, которую должен вернуть "
                + "сервер, впишите в настройки Beseda («Строка подтверждения») и сохраните, затем нажмите «Подтвердить». "
                + "На вкладке «Типы событий» отметьте: входящее сообщение, исходящее сообщение, разрешение и запрет на "
                + "получение, прочтение сообщения, набор текста, действие с сообщением.";
    }
}
