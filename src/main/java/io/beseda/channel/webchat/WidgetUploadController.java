package io.beseda.channel.webchat;

import java.io.IOException;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.beseda.channel.Attachments;
import io.beseda.shared.RuleViolationException;

/**
 * Photos from the widget: {@code POST /widget/uploads} (multipart: token, visitorId, file) keeps the file
 * and answers its link, which the widget then sends in a message frame. Called from shops' pages on other
 * origins, so it answers with CORS headers for the sites the account allows; refusals are JSON
 * {@code {code, message}} with the message in the visitor's language.
 */
@RestController
class WidgetUploadController {

    private final WebChatAccounts accounts;
    private final Attachments attachments;
    private final WidgetTexts texts;

    WidgetUploadController(WebChatAccounts accounts, Attachments attachments, WidgetTexts texts) {
        this.accounts = accounts;
        this.attachments = attachments;
        this.texts = texts;
    }

    @PostMapping("/widget/uploads")
    ResponseEntity<Map<String, Object>> upload(@RequestParam(defaultValue = "") String token,
                                               @RequestParam(defaultValue = "") String visitorId,
                                               @RequestParam(required = false) @Nullable MultipartFile file,
                                               @RequestHeader(name = HttpHeaders.ORIGIN, required = false) @Nullable String origin,
                                               @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String language)
            throws IOException {
        var locale = WidgetTexts.of(language);
        var account = accounts.byToken(token);
        if (account.isEmpty()) {
            return refuse(HttpStatus.UNAUTHORIZED, "token-unknown", locale, null);
        }
        if (!Origins.allows(account.get().settings().allowedOrigins(), origin)) {
            return refuse(HttpStatus.FORBIDDEN, "origin-forbidden", locale, null);
        }
        if (!VisitorIdentities.VISITOR_ID.matcher(visitorId).matches()) {
            return refuse(HttpStatus.BAD_REQUEST, "visitor", locale, origin);
        }
        if (file == null || file.isEmpty()) {
            return refuse(HttpStatus.BAD_REQUEST, "attachment.empty", locale, origin);
        }
        if (file.getSize() > attachments.maxBytes()) {
            return refuse(HttpStatus.CONTENT_TOO_LARGE, "attachment.too-large", locale, origin);
        }
        var content = file.getBytes();
        if (!Photos.isPhoto(content)) {
            return refuse(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "attachment.type", locale, origin);
        }
        try {
            var stored = attachments.store(account.get().workspaceId(), file.getOriginalFilename(), content);
            return cors(ResponseEntity.status(HttpStatus.CREATED), origin).body(Map.of("url", stored.url(),
                    "mimeType", stored.mimeType(), "size", stored.size(), "name", stored.name() == null ? "" : stored.name()));
        } catch (RuleViolationException e) {
            var status = "attachment.too-large".equals(e.code()) ? HttpStatus.CONTENT_TOO_LARGE
                    : "attachment.type".equals(e.code()) ? HttpStatus.UNSUPPORTED_MEDIA_TYPE : HttpStatus.BAD_REQUEST;
            return refuse(status, e.code(), locale, origin);
        }
    }

    private ResponseEntity<Map<String, Object>> refuse(HttpStatus status, String code, java.util.Locale locale, @Nullable String origin) {
        return cors(ResponseEntity.status(status), origin).body(Map.of("code", code, "message", texts.error(code, locale)));
    }

    /** Lets the shop's page read the answer; only sites the account allows get this far with an origin. */
    static ResponseEntity.BodyBuilder cors(ResponseEntity.BodyBuilder response, @Nullable String origin) {
        if (origin != null && !origin.isBlank()) {
            response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin).header(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        }
        return response;
    }
}
