package io.beseda.channel.whatsapp;

import java.util.ArrayList;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.MessageTemplates;
import io.beseda.workspace.WorkspaceId;

/**
 * Keeps each WhatsApp account's templates as Meta lists them: every {@code beseda.channel.whatsapp.template-sync-interval}
 * (30 minutes), when the admin checks the connection, and when Meta reports a template's status changed (that
 * webhook reaches Beseda only where the app's own callback URL is Beseda's; overrides do not carry it).
 */
@Component
class TemplateSync {

    private static final Logger log = LoggerFactory.getLogger(TemplateSync.class);
    private static final int MAX_PAGES = 50;

    /** How a sync went: the approved templates now kept, or why nothing changed. */
    record Outcome(int approved, @Nullable String failure) {
    }

    private final GraphApis apis;
    private final MessageTemplates templates;
    private final ChannelAccounts accounts;
    private final JdbcClient jdbc;

    TemplateSync(GraphApis apis, MessageTemplates templates, ChannelAccounts accounts, JdbcClient jdbc) {
        this.apis = apis;
        this.templates = templates;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    /** Fetches all the account's templates (page by page) and keeps them; on any failure keeps what it had. */
    Outcome sync(ChannelAccount account) {
        var api = apis.of(account);
        var all = new ArrayList<MessageTemplates.Synced>();
        String after = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            var answer = api.templates(after);
            if (!answer.ok()) {
                return new Outcome(0, answer.error());
            }
            answer.body().path("data").forEach(t -> all.add(TemplateReader.read(t)));
            var next = answer.body().path("paging").path("cursors").path("after");
            if (answer.body().path("paging").path("next").isMissingNode() || !next.isString()) {
                break;
            }
            after = next.asString();
        }
        templates.replace(account, all);
        return new Outcome((int) all.stream().filter(t -> "APPROVED".equals(t.status()) && t.sendable()).count(), null);
    }

    /** Syncs the account off the caller's thread (a webhook must answer quickly). */
    void syncSoon(ChannelAccount account) {
        Thread.ofVirtual().name("whatsapp-templates").start(() -> syncLogged(account));
    }

    @Scheduled(fixedDelayString = "${beseda.channel.whatsapp.template-sync-interval:30m}",
            initialDelayString = "${beseda.channel.whatsapp.template-sync-interval:30m}")
    void syncAll() {
        var ids = jdbc.sql("select workspace_id, id from channel_account where provider = ? and enabled")
                .param(WhatsAppConnectorFactory.PROVIDER)
                .query((row, n) -> new Object[] {row.getObject(1, UUID.class), row.getObject(2, UUID.class)}).list();
        for (var id : ids) {
            accounts.find(new WorkspaceId((UUID) id[0]), (UUID) id[1]).ifPresent(this::syncLogged);
        }
    }

    private void syncLogged(ChannelAccount account) {
        try {
            var outcome = sync(account);
            if (outcome.failure() != null) {
                log.warn("WhatsApp templates of {} were not fetched: {}", account, outcome.failure());
            }
        } catch (RestClientException | IllegalArgumentException e) {
            log.warn("WhatsApp templates of {} were not fetched", account, e);
        }
    }
}
