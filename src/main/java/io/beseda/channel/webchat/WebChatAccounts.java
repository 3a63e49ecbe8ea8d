package io.beseda.channel.webchat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.beseda.channel.ChannelAccounts;
import io.beseda.consent.Channel;
import io.beseda.shared.NotFoundException;
import io.beseda.shared.RuleViolationException;
import io.beseda.workspace.Actor;
import io.beseda.workspace.WorkspaceId;

/**
 * The workspace's web-chat accounts, one per site. Settings go through {@link ChannelAccounts} as a map,
 * so whatever it does to secrets at rest applies here too; the public token is found by an index on it.
 */
@Service
class WebChatAccounts {

    static final String PROVIDER = "webchat";
    static final int MAX_TEXT = 2000;

    private static final SecureRandom random = new SecureRandom();

    private final ChannelAccounts accounts;
    private final ConsentTextVersions consentTexts;
    private final JdbcClient jdbc;

    WebChatAccounts(ChannelAccounts accounts, ConsentTextVersions consentTexts, JdbcClient jdbc) {
        this.accounts = accounts;
        this.consentTexts = consentTexts;
        this.jdbc = jdbc;
    }

    List<WebChatAccount> list(WorkspaceId workspace) {
        return accounts.list(workspace).stream().filter(a -> PROVIDER.equals(a.provider())).map(WebChatAccount::of).toList();
    }

    WebChatAccount get(WorkspaceId workspace, UUID id) {
        return accounts.find(workspace, id).filter(a -> PROVIDER.equals(a.provider())).map(WebChatAccount::of)
                .orElseThrow(() -> new NotFoundException("Web chat", id));
    }

    /** The enabled account a widget's token names, in whichever workspace it is. */
    Optional<WebChatAccount> byToken(String token) {
        if (token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        record Found(WorkspaceId workspace, UUID id) {
        }
        return jdbc.sql("select workspace_id, id from channel_account where provider = ? and enabled and settings ->> 'inboxToken' = ?")
                .params(PROVIDER, token)
                .query((row, n) -> new Found(new WorkspaceId(row.getObject("workspace_id", UUID.class)), row.getObject("id", UUID.class)))
                .optional().flatMap(found -> accounts.find(found.workspace(), found.id())).map(WebChatAccount::of);
    }

    /** A new site's chat with a fresh token and identity secret, configured from the form. */
    @Transactional
    WebChatAccount create(Actor actor, WebChatForm form) {
        var blank = new WebChatSettings("wc_" + randomText(18), newSecret(), null, null, null, Map.of(), List.of());
        var account = accounts.add(actor.workspaceId(), Channel.WEBCHAT, PROVIDER, name(form), blank.toMap(), 50);
        return update(actor, account.id(), form);
    }

    @Transactional
    WebChatAccount update(Actor actor, UUID id, WebChatForm form) {
        var current = get(actor.workspaceId(), id).settings();
        var consentText = trimmed(form.consentText(), "webchat.error.consent-too-long");
        var settings = new WebChatSettings(current.inboxToken(), current.identitySecret(), consentText,
                consentText == null ? null : consentTexts.ensure(actor, consentText),
                trimmed(form.greeting(), "webchat.error.greeting-too-long"), links(form.links()), origins(form.allowedOrigins()));
        return accounts.update(actor.workspaceId(), id, name(form), settings.toMap()).map(WebChatAccount::of).orElseThrow();
    }

    /** Replaces the identity secret; signatures made with the old one stop working at once. */
    @Transactional
    String rotateSecret(WorkspaceId workspace, UUID id) {
        var account = get(workspace, id);
        var secret = newSecret();
        accounts.update(workspace, id, account.name(), account.settings().withSecret(secret).toMap());
        return secret;
    }

    private static String name(WebChatForm form) {
        var name = form.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new RuleViolationException("webchat.error.name", "A web chat needs a name of 1 to 100 characters");
        }
        return name;
    }

    private static @Nullable String trimmed(@Nullable String text, String tooLong) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.strip().length() > MAX_TEXT) {
            throw new RuleViolationException(tooLong, "At most " + MAX_TEXT + " characters");
        }
        return text.strip();
    }

    private static Map<Channel, String> links(Map<Channel, String> given) {
        var links = new EnumMap<Channel, String>(Channel.class);
        given.forEach((channel, link) -> {
            if (link == null || link.isBlank()) {
                return;
            }
            if (!WebChatSettings.LINK_CHANNELS.contains(channel) || !DeepLinks.valid(link.strip())) {
                throw new RuleViolationException("webchat.error.link", "Not a link to a messenger: " + link);
            }
            links.put(channel, link.strip());
        });
        return links;
    }

    private static List<String> origins(@Nullable String lines) {
        var origins = new ArrayList<String>();
        if (lines != null) {
            for (var line : lines.split("[\\r\\n,]+")) {
                if (line.isBlank()) {
                    continue;
                }
                origins.add(Origins.normalise(line).orElseThrow(() ->
                        new RuleViolationException("webchat.error.origin", "Not a site address: " + line.strip())));
            }
        }
        return origins.stream().distinct().toList();
    }

    private static String newSecret() {
        return "wcs_" + randomText(32);
    }

    private static String randomText(int bytes) {
        var buffer = new byte[bytes];
        random.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }
}
