package io.beseda.channel.max;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import io.beseda.channel.Attachments;
import io.beseda.channel.ChannelConnector;
import io.beseda.channel.Delivery;
import io.beseda.channel.MessageId;
import io.beseda.channel.SendResult;
import io.beseda.channel.TextSplitter;
import io.beseda.customer.Customers;
import io.beseda.customer.IdentityKind;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends through one MAX bot: uploads the message's files ({@code POST /uploads}, then the file to the URL MAX
 * gives), then posts the text in parts of at most 4000 characters to the customer's user id, the files with
 * the first part and the buttons under the last. What already went out is remembered per message, so a retry
 * after a refused second part (or a photo MAX was still processing) neither uploads nor sends anything twice.
 * That memory is this node's: should another node retry the message, it starts again from the first part.
 */
final class MaxConnector implements ChannelConnector {

    private static final int REMEMBERED = 10_000;
    private static final Duration FORGOTTEN_AFTER = Duration.ofDays(1);

    /** How far a message got: its files' tokens once uploaded, the parts MAX took and the last one's id. */
    private static final class Progress {
        final Instant started;
        volatile @Nullable List<MaxMessages.Uploaded> files;
        volatile int partsSent;
        volatile @Nullable String lastMid;

        Progress(Instant started) {
            this.started = started;
        }
    }

    private final MaxApi api;
    private final Attachments attachments;
    private final Customers customers;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<MessageId, Progress> progress = new ConcurrentHashMap<>();

    MaxConnector(MaxApi api, Attachments attachments, Customers customers, JsonMapper json, Clock clock) {
        this.api = api;
        this.attachments = attachments;
        this.customers = customers;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public SendResult send(Delivery delivery) {
        var userId = recipient(delivery);
        if (userId.isEmpty()) {
            return new SendResult.Permanent("No MAX user id to write to (the address is '" + delivery.address()
                    + "', and the customer has no MAX account on file)");
        }
        var state = progress.computeIfAbsent(delivery.messageId(), id -> new Progress(clock.instant()));
        try {
            if (state.files == null) {
                state.files = upload(delivery);
            }
            var parts = TextSplitter.split(delivery.body(), MaxMessages.MAX_TEXT);
            for (int i = state.partsSent; i < parts.size(); i++) {
                var files = i == 0 ? state.files : List.<MaxMessages.Uploaded>of();
                var buttons = i == parts.size() - 1 ? delivery.quickReplies() : List.<io.beseda.channel.QuickReply>of();
                state.lastMid = api.send(userId.get(), MaxMessages.body(json, parts.get(i), files, buttons));
                state.partsSent = i + 1;
            }
            forget(delivery.messageId());
            return new SendResult.Sent(String.valueOf(state.lastMid));
        } catch (MaxCallFailed e) {
            var result = e.toSendResult();
            if (result instanceof SendResult.Permanent) {
                forget(delivery.messageId());
            } else {
                tidy();
            }
            return result;
        } catch (MissingFile e) {
            forget(delivery.messageId());
            return new SendResult.Permanent(e.getMessage());
        }
    }

    /** The address, else the customer's MAX user id; MAX's ids are numbers. */
    private Optional<Long> recipient(Delivery delivery) {
        var address = delivery.address();
        if (address == null || address.isBlank()) {
            address = customers.identities(delivery.workspaceId(), delivery.customer()).stream()
                    .filter(identity -> identity.kind() == IdentityKind.MAX).map(identity -> identity.value())
                    .findFirst().orElse(null);
        }
        try {
            return address == null ? Optional.empty() : Optional.of(Long.parseLong(address.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private List<MaxMessages.Uploaded> upload(Delivery delivery) {
        var uploaded = new ArrayList<MaxMessages.Uploaded>();
        for (var attachment : delivery.attachments()) {
            var file = attachments.fromUrl(delivery.workspaceId(), attachment.url())
                    .orElseThrow(() -> new MissingFile("The attachment " + attachment.url() + " is not a file this workspace keeps"));
            var type = file.mimeType().startsWith("image/") ? "image" : "file";
            var name = file.name() != null ? file.name() : type.equals("image") ? "photo" : "file";
            var endpoint = api.uploadEndpoint(type);
            uploaded.add(new MaxMessages.Uploaded(type, api.upload(endpoint, new MaxApi.File(name, file.mimeType(), file.content()))));
        }
        return List.copyOf(uploaded);
    }

    private void forget(MessageId message) {
        progress.remove(message);
    }

    /** Messages that never came back (failed for good elsewhere, past their deadline) are not kept for ever. */
    private void tidy() {
        if (progress.size() > REMEMBERED) {
            var cutoff = clock.instant().minus(FORGOTTEN_AFTER);
            progress.values().removeIf(state -> state.started.isBefore(cutoff));
        }
    }

    private static final class MissingFile extends RuntimeException {
        MissingFile(String message) {
            super(message);
        }
    }
}
