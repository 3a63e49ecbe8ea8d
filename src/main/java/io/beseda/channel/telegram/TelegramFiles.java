package io.beseda.channel.telegram;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import io.beseda.channel.Attachment;
import io.beseda.channel.Attachments;
import io.beseda.channel.ChannelAccount;
import io.beseda.channel.RemoteFiles;
import io.beseda.shared.RuleViolationException;

/**
 * Brings a file a customer sent into Beseda: {@code getFile} gives its path on Telegram's servers, the file is
 * downloaded from {@code <base>/file/bot<token>/<path>} (capped at Beseda's file size) and kept. A file Beseda does not
 * keep (too large, not a photo or PDF) is left out and the message goes on without it; Telegram or the download
 * failing is {@link Unavailable}, and the webhook asks Telegram to deliver the update again.
 */
@Component
class TelegramFiles {

    private static final Logger log = LoggerFactory.getLogger(TelegramFiles.class);

    /** Telegram could not give the file just now; worth another delivery of the update. */
    static final class Unavailable extends Exception {
        Unavailable(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }

    private final TelegramApi api;
    private final RemoteFiles remoteFiles;
    private final Attachments attachments;

    TelegramFiles(TelegramApi api, RemoteFiles remoteFiles, Attachments attachments) {
        this.api = api;
        this.remoteFiles = remoteFiles;
        this.attachments = attachments;
    }

    long maxBytes() {
        return attachments.maxBytes();
    }

    Optional<Attachment> keep(ChannelAccount account, String botToken, String fileId, @Nullable String name) throws Unavailable {
        org.telegram.telegrambots.meta.api.objects.File file;
        try {
            file = api.client(botToken).execute(new GetFile(fileId));
        } catch (TelegramApiRequestException e) {
            if (e.getErrorCode() != null && e.getErrorCode() == 400) {
                // "file is too big" (bots may fetch at most 20 MB) or an id Telegram no longer knows: it will not get better
                log.info("Telegram gives no file {} for {}: {}", fileId, account, e.getMessage());
                return Optional.empty();
            }
            throw new Unavailable("getFile failed: " + TelegramErrors.describe(e), e);
        } catch (TelegramApiException e) {
            throw new Unavailable("getFile failed: " + TelegramErrors.describe(e), e);
        }
        if (file.getFilePath() == null) {
            return Optional.empty();
        }
        RemoteFiles.Downloaded downloaded;
        try {
            downloaded = remoteFiles.download(api.fileUrl(botToken, file.getFilePath()), Map.of());
        } catch (IOException e) {
            throw new Unavailable("Downloading " + file.getFilePath() + " failed: " + e.getMessage(), e);
        } catch (RuleViolationException e) {
            log.info("A customer's file through {} is not kept: {}", account, e.getMessage());
            return Optional.empty();
        }
        try {
            var filePath = file.getFilePath();
            return Optional.of(attachments.store(account.workspaceId(),
                    name != null ? name : filePath.substring(filePath.lastIndexOf('/') + 1), downloaded.content()));
        } catch (RuleViolationException e) {
            log.info("A customer's file through {} is not kept: {}", account, e.getMessage());
            return Optional.empty();
        }
    }
}
