package io.beseda.channel.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.channel.Attachments;

/**
 * Serves kept files by their unguessable link. A photo is shown inline; anything else is a download.
 * The sandbox CSP and nosniff keep a crafted file from running as a page in our origin.
 */
@RestController
class FilesController {

    private final Attachments attachments;

    FilesController(Attachments attachments) {
        this.attachments = attachments;
    }

    @GetMapping("/files/{fileId}/{token}")
    ResponseEntity<byte[]> file(@PathVariable UUID fileId, @PathVariable String token) {
        return attachments.open(fileId, token).map(file -> {
            var image = file.mimeType().startsWith("image/");
            var name = file.name() == null ? fileId.toString() : file.name();
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(file.mimeType()))
                    .cacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePrivate())
                    .header(HttpHeaders.CONTENT_DISPOSITION, (image ? ContentDisposition.inline() : ContentDisposition.attachment())
                            .filename(name, StandardCharsets.UTF_8).build().toString())
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Security-Policy", "default-src 'none'; sandbox")
                    .body(file.content());
        }).orElseGet(() -> ResponseEntity.notFound().build());
    }
}
