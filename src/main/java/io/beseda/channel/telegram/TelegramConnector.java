package io.beseda.channel.telegram;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import io.beseda.channel.Attachment;
import io.beseda.channel.Attachments;
import io.beseda.channel.ChannelConnector;
import io.beseda.channel.Delivery;
import io.beseda.channel.SendResult;
import io.beseda.channel.SentParts;
import io.beseda.channel.TextSplitter;
import io.beseda.customer.Customers;
import io.beseda.customer.IdentityKind;

/**
 * Sends one message through one bot. Photos go with {@code sendPhoto}, PDFs and GIFs with {@code sendDocument}
 * (multipart uploads of the files Beseda keeps); text with {@code sendMessage}, cut at 4,096 characters. A text of
 * at most 1,024 characters rides as the caption of the last file; the buttons go under the last part, so they are
 * at the bottom of the chat. The provider id is {@code <chat id>:<message id>} of that last part: message ids are
 * only unique within a chat. Telegram reports no delivery or read receipts.
 */
final class TelegramConnector implements ChannelConnector {

    static final int MAX_TEXT = 4096;
    static final int MAX_CAPTION = 1024;

    private final TelegramClient client;
    private final Attachments attachments;
    private final Customers customers;
    private final CallbackData callbacks;
    private final SentParts sentParts;

    TelegramConnector(TelegramClient client, Attachments attachments, Customers customers, CallbackData callbacks, SentParts sentParts) {
        this.client = client;
        this.attachments = attachments;
        this.customers = customers;
        this.callbacks = callbacks;
        this.sentParts = sentParts;
    }

    /** One Telegram message of the ones a Beseda message goes out as. */
    private record Part(@Nullable Attachment file, @Nullable String text, @Nullable InlineKeyboardMarkup keyboard) {
    }

    @Override
    public SendResult send(Delivery delivery) {
        var chat = chatOf(delivery);
        if (chat.isEmpty()) {
            return new SendResult.Permanent("The customer has no Telegram chat with the bot: they have not written to it");
        }
        var parts = plan(delivery);
        var sent = sentParts.of(delivery.workspaceId(), delivery.messageId());
        String last = null;
        for (int i = 0; i < parts.size(); i++) {
            if (sent.containsKey(i)) {
                last = sent.get(i);
                continue;
            }
            try {
                var message = execute(delivery, chat.get(), parts.get(i));
                if (message == null) {
                    return new SendResult.Permanent("The file " + parts.get(i).file().url() + " is not kept by this workspace");
                }
                last = chat.get() + ":" + message.getMessageId();
            } catch (TelegramApiException e) {
                return TelegramErrors.of(e);
            }
            sentParts.record(delivery.workspaceId(), delivery.messageId(), i, last);
        }
        return new SendResult.Sent(last);
    }

    private Optional<String> chatOf(Delivery delivery) {
        if (delivery.address() != null && !delivery.address().isBlank()) {
            return Optional.of(delivery.address().strip());
        }
        // in a private chat the chat id is the user's id, which is the customer's Telegram identity
        return customers.identities(delivery.workspaceId(), delivery.customer()).stream()
                .filter(identity -> identity.kind() == IdentityKind.TELEGRAM).map(identity -> identity.value()).findFirst();
    }

    private List<Part> plan(Delivery delivery) {
        var keyboard = Keyboards.of(delivery.workspaceId(), delivery.quickReplies(), callbacks);
        var files = delivery.attachments();
        var text = onlyFileNames(delivery) ? "" : delivery.body().strip();
        var parts = new ArrayList<Part>();
        if (!files.isEmpty() && text.length() <= MAX_CAPTION) {
            for (int i = 0; i < files.size() - 1; i++) {
                parts.add(new Part(files.get(i), null, null));
            }
            parts.add(new Part(files.getLast(), text.isEmpty() ? null : text, keyboard));
            return parts;
        }
        files.forEach(file -> parts.add(new Part(file, null, null)));
        var pieces = TextSplitter.split(text, MAX_TEXT);
        for (int i = 0; i < pieces.size(); i++) {
            parts.add(new Part(null, pieces.get(i), i == pieces.size() - 1 ? keyboard : null));
        }
        return parts;
    }

    /**
     * A reply of files alone has their names as its body, for channels that carry no files (see
     * {@code Conversations.reply}); Telegram shows the files themselves, so the names are not repeated as a caption.
     */
    private static boolean onlyFileNames(Delivery delivery) {
        if (delivery.attachments().isEmpty()) {
            return false;
        }
        var names = String.join(", ", delivery.attachments().stream().map(a -> a.name() == null ? "📎" : a.name()).toList());
        return delivery.body().strip().equals(names);
    }

    /** The message Telegram made, or null when the file is not one this workspace keeps. */
    private @Nullable Message execute(Delivery delivery, String chat, Part part) throws TelegramApiException {
        if (part.file() == null) {
            return client.execute(SendMessage.builder().chatId(chat).text(part.text()).replyMarkup(part.keyboard()).build());
        }
        var kept = attachments.fromUrl(delivery.workspaceId(), part.file().url());
        if (kept.isEmpty()) {
            return null;
        }
        var file = kept.get();
        var upload = new InputFile(new ByteArrayInputStream(file.content()), uploadName(file));
        if (isPhoto(file.mimeType())) {
            return client.execute(SendPhoto.builder().chatId(chat).photo(upload).caption(part.text()).replyMarkup(part.keyboard()).build());
        }
        return client.execute(SendDocument.builder().chatId(chat).document(upload).caption(part.text()).replyMarkup(part.keyboard()).build());
    }

    /** Telegram shows JPEG, PNG and WebP as photos; a GIF sent as a photo loses its motion, so it goes as a document. */
    private static boolean isPhoto(String mimeType) {
        return mimeType.equals("image/jpeg") || mimeType.equals("image/png") || mimeType.equals("image/webp");
    }

    /**
     * The library names the multipart part after the file and refers to it as {@code attach://<name>}; a plain ASCII
     * name keeps that reference safe. The kept file's own name is used when it is one.
     */
    private static String uploadName(Attachments.File file) {
        var extension = switch (file.mimeType()) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "image/webp" -> ".webp";
            case "image/gif" -> ".gif";
            default -> ".pdf";
        };
        var name = file.name();
        if (name != null && name.matches("[A-Za-z0-9._-]{1,100}") && name.toLowerCase(java.util.Locale.ROOT).endsWith(extension)) {
            return name;
        }
        return (isPhoto(file.mimeType()) ? "photo" : "document") + extension;
    }
}
