package io.beseda.channel.vk;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.beseda.channel.Attachments;
import io.beseda.channel.Delivery;
import tools.jackson.databind.JsonNode;

/**
 * Beseda's files as VK attachments, uploaded VK's way: a photo to the address {@code photos.getMessagesUploadServer}
 * gives, then {@code photos.saveMessagesPhoto}; any other file (a PDF) as a document through
 * {@code docs.getMessagesUploadServer} and {@code docs.save}. Answers the {@code attachment} tokens of
 * {@code messages.send} ({@code photo<owner>_<id>[_<access key>]}).
 */
@Component
class VkUploads {

    private final VkApi api;
    private final Attachments attachments;

    VkUploads(VkApi api, Attachments attachments) {
        this.api = api;
        this.attachments = attachments;
    }

    List<String> upload(Delivery delivery, VkSettings settings, long peer) throws VkException {
        var tokens = new ArrayList<String>();
        URI photoServer = null;
        for (var attachment : delivery.attachments()) {
            var file = attachments.fromUrl(delivery.workspaceId(), attachment.url()).orElseThrow(() -> VkException.permanentFailure(
                    "The attachment " + attachment.url() + " is not a file this workspace keeps"));
            if (file.mimeType().startsWith("image/")) {
                if (photoServer == null) {
                    photoServer = uploadUrl(api.call(settings.accessToken(), "photos.getMessagesUploadServer", Map.of("peer_id", peer)));
                }
                tokens.add(photo(settings, api.upload(photoServer, "photo", fileName("photo", file.mimeType()), file.mimeType(),
                        file.content())));
            } else {
                var server = uploadUrl(api.call(settings.accessToken(), "docs.getMessagesUploadServer",
                        Map.of("type", "doc", "peer_id", peer)));
                tokens.add(document(settings, api.upload(server, "file", fileName("document", file.mimeType()), file.mimeType(),
                        file.content()), fileName(file.name(), file.mimeType())));
            }
        }
        return tokens;
    }

    private String photo(VkSettings settings, JsonNode uploaded) throws VkException {
        var photo = uploaded.path("photo").asString("");
        if (photo.isBlank() || photo.equals("[]")) {
            throw VkException.permanentFailure("VK's upload server did not take the photo");
        }
        var saved = api.call(settings.accessToken(), "photos.saveMessagesPhoto", Map.of("photo", photo,
                "server", uploaded.path("server").asString(""), "hash", uploaded.path("hash").asString(""))).path(0);
        return token("photo", saved);
    }

    private String document(VkSettings settings, JsonNode uploaded, String title) throws VkException {
        var file = uploaded.path("file").asString("");
        if (file.isBlank()) {
            throw VkException.permanentFailure("VK's upload server did not take the document " + title);
        }
        var saved = api.call(settings.accessToken(), "docs.save", Map.of("file", file, "title", title));
        return token("doc", saved.has("doc") ? saved.get("doc") : saved.path(0));
    }

    private static String token(String type, JsonNode saved) throws VkException {
        if (!saved.path("id").isNumber() || !saved.path("owner_id").isNumber()) {
            throw VkException.permanentFailure("VK saved the " + type + " but did not say its id");
        }
        var key = saved.path("access_key").asString("");
        return type + saved.get("owner_id").asLong() + "_" + saved.get("id").asLong() + (key.isBlank() ? "" : "_" + key);
    }

    private static URI uploadUrl(JsonNode server) throws VkException {
        var url = server.path("upload_url").asString("");
        if (url.isBlank()) {
            throw VkException.transientFailure("VK gave no upload address", null);
        }
        return URI.create(url);
    }

    /**
     * VK tells a file's kind by its extension, so a name always ends in the right one. The uploaded file is named in
     * plain ASCII (how a multipart header carries other letters is up to the server); a document's own name is its
     * title in {@code docs.save}.
     */
    static String fileName(@Nullable String name, String mimeType) {
        var extension = switch (mimeType) {
            case "image/jpeg" -> "jpg";
            case "image/png" -> "png";
            case "image/gif" -> "gif";
            case "image/webp" -> "webp";
            case "application/pdf" -> "pdf";
            default -> "bin";
        };
        var base = name == null || name.isBlank() ? "file" : name;
        return base.toLowerCase().endsWith("." + extension) ? base : base + "." + extension;
    }
}
