package io.beseda.channel.whatsapp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.client.RestClientException;

import io.beseda.channel.Attachments;
import io.beseda.channel.ChannelConnector;
import io.beseda.channel.Delivery;
import io.beseda.channel.SendResult;
import io.beseda.channel.SentParts;
import io.beseda.channel.TemplateCall;
import io.beseda.customer.Customers;
import io.beseda.customer.IdentityKind;

/**
 * Sends through one business number: text, files (uploaded to WhatsApp first), buttons and approved templates.
 * A message WhatsApp needs several messages for ({@link Outgoing}) is sent part by part; when a part fails, the
 * parts already sent are remembered ({@link SentParts}) so the retry does not send them twice.
 */
final class WhatsAppConnector implements ChannelConnector {

    private final GraphApi api;
    private final Attachments attachments;
    private final Customers customers;
    private final SentParts progress;

    WhatsAppConnector(GraphApi api, Attachments attachments, Customers customers, SentParts progress) {
        this.api = api;
        this.attachments = attachments;
        this.customers = customers;
        this.progress = progress;
    }

    @Override
    public SendResult send(Delivery delivery) {
        var to = recipient(delivery);
        if (to == null) {
            return new SendResult.Permanent("The customer has no WhatsApp number to write to");
        }
        try {
            return delivery.template() ? sendTemplate(delivery, to) : sendParts(delivery, to);
        } catch (RestClientException e) {
            return new SendResult.Transient("WhatsApp could not be reached: " + e.getMessage(), null);
        }
    }

    private SendResult sendTemplate(Delivery delivery, String to) {
        TemplateCall call;
        try {
            call = TemplateCall.parse(delivery.body());
        } catch (IllegalArgumentException e) {
            return new SendResult.Permanent(e.getMessage());
        }
        var template = new LinkedHashMap<String, Object>();
        template.put("name", call.name());
        template.put("language", Map.of("code", call.language()));
        if (!call.parameters().isEmpty()) {
            template.put("components", List.of(Map.of("type", "body", "parameters", parameters(call.parameters()))));
        }
        return sent(api.sendMessage(message(delivery, to, "template", template)));
    }

    /** Numbered parameters go by position ({{1}}, {{2}}…), named ones by name. */
    private static List<Map<String, Object>> parameters(Map<String, String> values) {
        var positional = values.keySet().stream().allMatch(k -> k.chars().allMatch(Character::isDigit));
        var names = new ArrayList<>(values.keySet());
        if (positional) {
            names.sort(java.util.Comparator.comparingInt(Integer::parseInt));
        }
        return names.stream().map(name -> {
            var parameter = new LinkedHashMap<String, Object>();
            parameter.put("type", "text");
            if (!positional) {
                parameter.put("parameter_name", name);
            }
            parameter.put("text", values.get(name));
            return (Map<String, Object>) parameter;
        }).toList();
    }

    private SendResult sendParts(Delivery delivery, String to) {
        List<Outgoing.Part> parts;
        try {
            parts = Outgoing.plan(delivery.body(), delivery.attachments(), delivery.quickReplies());
        } catch (IllegalArgumentException e) {
            return new SendResult.Permanent(e.getMessage());
        }
        var done = progress.of(delivery.workspaceId(), delivery.messageId());
        String last = null;
        for (int i = 0; i < parts.size(); i++) {
            if (done.containsKey(i)) {
                last = done.get(i);
                continue;
            }
            var result = sendPart(delivery, to, parts.get(i));
            if (!(result instanceof SendResult.Sent sent)) {
                return result;
            }
            last = sent.providerMessageId();
            progress.record(delivery.workspaceId(), delivery.messageId(), i, last);
        }
        return new SendResult.Sent(last);
    }

    private SendResult sendPart(Delivery delivery, String to, Outgoing.Part part) {
        return switch (part) {
            case Outgoing.Text text -> sent(api.sendMessage(message(delivery, to, "text", Map.of("preview_url", false, "body", text.body()))));
            case Outgoing.File file -> sendFile(delivery, to, file);
            case Outgoing.Buttons buttons -> sendButtons(delivery, to, buttons);
            case Outgoing.Menu menu -> sent(api.sendMessage(message(delivery, to, "interactive", menu(menu))));
        };
    }

    private SendResult sendFile(Delivery delivery, String to, Outgoing.File file) {
        var uploaded = upload(delivery, file.attachment());
        if (!(uploaded instanceof Uploaded(var mediaId, var asPhoto, var name))) {
            return ((Refused) uploaded).result();
        }
        var media = new LinkedHashMap<String, Object>();
        media.put("id", mediaId);
        if (file.caption() != null) {
            media.put("caption", file.caption());
        }
        if (!asPhoto && name != null) {
            media.put("filename", name);
        }
        return sent(api.sendMessage(message(delivery, to, asPhoto ? "image" : "document", media)));
    }

    private SendResult sendButtons(Delivery delivery, String to, Outgoing.Buttons buttons) {
        var interactive = new LinkedHashMap<String, Object>();
        interactive.put("type", "button");
        if (buttons.header() != null) {
            var uploaded = upload(delivery, buttons.header());
            if (!(uploaded instanceof Uploaded(var mediaId, var asPhoto, var name))) {
                return ((Refused) uploaded).result();
            }
            interactive.put("header", Map.of("type", "image", "image", Map.of("id", mediaId)));
        }
        interactive.put("body", Map.of("text", buttons.body()));
        interactive.put("action", Map.of("buttons", buttons.replies().stream()
                .map(r -> Map.of("type", "reply", "reply", Map.of("id", r.payload(), "title", r.title()))).toList()));
        return sent(api.sendMessage(message(delivery, to, "interactive", interactive)));
    }

    private static Map<String, Object> menu(Outgoing.Menu menu) {
        var rows = menu.replies().stream().map(r -> {
            var row = new LinkedHashMap<String, Object>();
            row.put("id", r.payload());
            row.put("title", Outgoing.rowTitle(r));
            var description = Outgoing.rowDescription(r);
            if (description != null) {
                row.put("description", description);
            }
            return row;
        }).toList();
        return Map.of("type", "list", "body", Map.of("text", menu.body()),
                "action", Map.of("button", "Выбрать", "sections", List.of(Map.of("rows", rows))));
    }

    private sealed interface Upload {
    }

    private record Uploaded(String mediaId, boolean asPhoto, @Nullable String name) implements Upload {
    }

    private record Refused(SendResult result) implements Upload {
    }

    /** Reads the file Beseda keeps and uploads it to WhatsApp's media store for this number. */
    private Upload upload(Delivery delivery, io.beseda.channel.Attachment attachment) {
        var file = attachments.fromUrl(delivery.workspaceId(), attachment.url()).orElse(null);
        if (file == null) {
            return new Refused(new SendResult.Permanent("The file " + attachment.url() + " is not one this workspace keeps"));
        }
        var asPhoto = Outgoing.showsAsPhoto(attachment);
        var name = file.name() != null ? file.name() : "file" + extension(file.mimeType());
        var answer = api.upload(file.content(), file.mimeType(), name);
        if (!answer.ok() || !answer.body().path("id").isString()) {
            return new Refused(answer.ok() ? new SendResult.Transient("WhatsApp gave no media id for an upload", null)
                    : SendFailures.of(answer));
        }
        return new Uploaded(answer.body().path("id").asString(), asPhoto, name);
    }

    private static String extension(String mimeType) {
        return switch (mimeType) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "image/gif" -> ".gif";
            case "image/webp" -> ".webp";
            case "application/pdf" -> ".pdf";
            default -> "";
        };
    }

    /**
     * The message around its content. {@code biz_opaque_callback_data} carries Beseda's message id: WhatsApp
     * returns it with every status, so a status can be traced to the message even in Meta's logs.
     */
    private static Map<String, Object> message(Delivery delivery, String to, String type, Map<String, ?> content) {
        var message = new LinkedHashMap<String, Object>();
        message.put("messaging_product", "whatsapp");
        message.put("recipient_type", "individual");
        message.put("to", to);
        message.put("biz_opaque_callback_data", delivery.messageId().toString());
        message.put("type", type);
        message.put(type, content);
        return message;
    }

    private static SendResult sent(GraphApi.Answer answer) {
        if (!answer.ok()) {
            return SendFailures.of(answer);
        }
        var id = answer.body().path("messages").path(0).path("id");
        return id.isString() ? new SendResult.Sent(id.asString())
                : new SendResult.Transient("WhatsApp accepted the message but gave no id", null);
    }

    /** The address the message names, else the customer's WhatsApp id, else their phone: digits only, as WhatsApp wants. */
    private @Nullable String recipient(Delivery delivery) {
        var address = delivery.address();
        if (address == null || address.isBlank()) {
            var identities = customers.identities(delivery.workspaceId(), delivery.customer());
            address = identities.stream().filter(i -> i.kind() == IdentityKind.WHATSAPP).findFirst()
                    .or(() -> identities.stream().filter(i -> i.kind() == IdentityKind.PHONE && i.valid()).findFirst())
                    .map(io.beseda.customer.Identity::value).orElse(null);
        }
        if (address == null) {
            return null;
        }
        var digits = address.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? null : digits;
    }
}
