package io.beseda.channel.telegram;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;

import io.beseda.channel.Attachment;
import io.beseda.channel.ChannelAccount;
import io.beseda.channel.InboundMessage;
import io.beseda.channel.SenderKinds;
import io.beseda.customer.Identity;

/**
 * Turns what Telegram delivered into the customer's message. Only private chats are customers (a bot added to a
 * group hears the group, which is no one's conversation with the shop). Message ids are unique within a chat, so a
 * message is known as {@code <chat id>:<message id>} and a button press as {@code callback:<query id>}: Telegram
 * redelivering either is stored once.
 */
@Component
class UpdateReader {

    private final TelegramFiles files;
    private final CallbackData callbacks;
    private final Clock clock;

    UpdateReader(TelegramFiles files, CallbackData callbacks, Clock clock) {
        this.files = files;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    /** The customer's message, empty for anything that is not one (a group, a channel, a service message). */
    Optional<InboundMessage> message(ChannelAccount account, String botToken, Message message) throws TelegramFiles.Unavailable {
        if (message.getChat() == null || !message.isUserMessage() || message.getFrom() == null || message.getMessageId() == null) {
            return Optional.empty();
        }
        var attachments = new ArrayList<Attachment>();
        for (var file : filesOf(message)) {
            files.keep(account, botToken, file.id(), file.name()).ifPresent(attachments::add);
        }
        var text = message.getText() != null ? message.getText() : message.getCaption();
        return Optional.of(new InboundMessage(account.channel(), message.getChatId() + ":" + message.getMessageId(),
                sender(account, message.getFrom()), name(message.getFrom()), text, attachments, null, location(message),
                contact(message), message.getDate() == null ? clock.instant() : Instant.ofEpochSecond(message.getDate())));
    }

    /** The press of a button under one of the bot's messages, with the button's title as what the customer said. */
    Optional<InboundMessage> buttonPress(ChannelAccount account, CallbackQuery query) {
        if (query.getData() == null || query.getFrom() == null || query.getMessage() == null
                || query.getMessage().getChat() == null || !query.getMessage().isUserMessage()) {
            return Optional.empty();
        }
        var title = query.getMessage() instanceof Message shown ? Keyboards.titleOf(shown.getReplyMarkup(), query.getData()) : null;
        return Optional.of(new InboundMessage(account.channel(), "callback:" + query.getId(), sender(account, query.getFrom()),
                name(query.getFrom()), title, List.of(), callbacks.payload(account.workspaceId(), query.getData()), null, null,
                clock.instant()));
    }

    /**
     * The bot's message the customer certainly saw: the one whose button they pressed, or the one they replied to.
     * Telegram reports no read receipts; these two are the only proof of reading it gives.
     */
    static Optional<String> seenByCustomer(@Nullable Message message, @Nullable CallbackQuery query) {
        if (query != null && query.getMessage() != null && query.getMessage().getChat() != null && query.getMessage().isUserMessage()) {
            return Optional.of(query.getMessage().getChatId() + ":" + query.getMessage().getMessageId());
        }
        if (message != null && message.getChat() != null && message.isUserMessage() && message.getReplyToMessage() != null
                && message.getReplyToMessage().getFrom() != null
                && Boolean.TRUE.equals(message.getReplyToMessage().getFrom().getIsBot())) {
            return Optional.of(message.getChatId() + ":" + message.getReplyToMessage().getMessageId());
        }
        return Optional.empty();
    }

    private record TelegramFile(String id, @Nullable String name) {
    }

    /**
     * The files worth fetching: the largest size of a photo that Beseda would keep, a document that says it is a
     * photo or a PDF and is not too large, and a static sticker (a WebP picture; animated ones are not pictures).
     */
    private List<TelegramFile> filesOf(Message message) {
        var found = new ArrayList<TelegramFile>();
        if (message.getPhoto() != null && !message.getPhoto().isEmpty()) {
            var sizes = message.getPhoto();
            sizes.stream().filter(size -> size.getFileSize() == null || size.getFileSize() <= files.maxBytes())
                    .max(Comparator.comparingLong(UpdateReader::pixels))
                    .ifPresent(size -> found.add(new TelegramFile(size.getFileId(), null)));
        }
        var document = message.getDocument();
        if (document != null && (document.getFileSize() == null || document.getFileSize() <= files.maxBytes())
                && keptType(document.getMimeType())) {
            found.add(new TelegramFile(document.getFileId(), document.getFileName()));
        }
        var sticker = message.getSticker();
        if (sticker != null && !Boolean.TRUE.equals(sticker.getIsAnimated()) && !Boolean.TRUE.equals(sticker.getIsVideo())) {
            found.add(new TelegramFile(sticker.getFileId(), null));
        }
        return found;
    }

    private static long pixels(PhotoSize size) {
        return (long) (size.getWidth() == null ? 0 : size.getWidth()) * (size.getHeight() == null ? 0 : size.getHeight());
    }

    private static boolean keptType(@Nullable String mimeType) {
        if (mimeType == null) {
            return true;
        }
        var type = mimeType.toLowerCase(Locale.ROOT);
        return type.startsWith("image/") || type.equals("application/pdf");
    }

    private static Identity sender(ChannelAccount account, User user) {
        return Identity.of(SenderKinds.kindOf(account.channel()), String.valueOf(user.getId()));
    }

    private static @Nullable String name(User user) {
        var name = Stream.of(user.getFirstName(), user.getLastName()).filter(part -> part != null && !part.isBlank())
                .collect(Collectors.joining(" "));
        return name.isEmpty() ? null : name;
    }

    private static InboundMessage.@Nullable Location location(Message message) {
        if (message.getVenue() != null && message.getVenue().getLocation() != null) {
            var venue = message.getVenue();
            var label = Stream.of(venue.getTitle(), venue.getAddress()).filter(part -> part != null && !part.isBlank())
                    .collect(Collectors.joining(", "));
            return new InboundMessage.Location(venue.getLocation().getLatitude(), venue.getLocation().getLongitude(),
                    label.isEmpty() ? null : label);
        }
        if (message.getLocation() != null) {
            return new InboundMessage.Location(message.getLocation().getLatitude(), message.getLocation().getLongitude(), null);
        }
        return null;
    }

    private static InboundMessage.@Nullable Contact contact(Message message) {
        var contact = message.getContact();
        if (contact == null || contact.getPhoneNumber() == null || contact.getPhoneNumber().isBlank()) {
            return null;
        }
        var name = Stream.of(contact.getFirstName(), contact.getLastName()).filter(part -> part != null && !part.isBlank())
                .collect(Collectors.joining(" "));
        return new InboundMessage.Contact(contact.getPhoneNumber(), name.isEmpty() ? null : name);
    }
}
