package io.beseda.channel.whatsapp;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

import io.beseda.channel.Attachment;
import io.beseda.channel.Attachments;
import io.beseda.channel.ChannelAccount;
import io.beseda.channel.RemoteFiles;
import io.beseda.shared.RuleViolationException;

/**
 * Brings a customer's photo or PDF from WhatsApp into Beseda: the media id gives a short-lived URL
 * ({@code GET /{media-id}}), which is downloaded with the account's token and kept by {@link Attachments}.
 */
@Component
class CustomerFiles {

    private static final Logger log = LoggerFactory.getLogger(CustomerFiles.class);

    private final GraphApis apis;
    private final RemoteFiles remote;
    private final Attachments attachments;

    CustomerFiles(GraphApis apis, RemoteFiles remote, Attachments attachments) {
        this.apis = apis;
        this.remote = remote;
        this.attachments = attachments;
    }

    /**
     * The kept file; empty when Beseda does not keep such a file (too large, not a photo or PDF): the message is
     * kept without it.
     *
     * @throws IOException when WhatsApp does not give the file now (the webhook is then refused, and Meta redelivers)
     */
    @Nullable Attachment fetch(ChannelAccount account, WebhookEvents.Media media) throws IOException {
        var api = apis.of(account);
        GraphApi.Answer answer;
        try {
            answer = api.media(media.id());
        } catch (RestClientException e) {
            throw new IOException("WhatsApp could not be reached for media " + media.id(), e);
        }
        var url = answer.body().path("url");
        if (!answer.ok() || !url.isString()) {
            throw new IOException("WhatsApp gave no URL for media " + media.id() + ": " + answer.error());
        }
        try {
            var file = remote.download(URI.create(url.asString()), Map.of(HttpHeaders.AUTHORIZATION, api.bearer()));
            return attachments.store(account.workspaceId(), media.fileName() != null ? media.fileName() : "whatsapp-" + media.id(),
                    file.content());
        } catch (RuleViolationException e) {
            log.info("A file from WhatsApp ({}) was not kept: {}", media.id(), e.getMessage());
            return null;
        }
    }
}
