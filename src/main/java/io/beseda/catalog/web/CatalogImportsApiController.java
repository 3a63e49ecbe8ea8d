package io.beseda.catalog.web;

import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.beseda.catalog.FeedDownloadException;
import io.beseda.catalog.FeedImports;
import io.beseda.catalog.FeedTooLargeException;
import io.beseda.catalog.ImportHistory;
import io.beseda.catalog.ImportReport;
import io.beseda.shared.NotFoundException;
import io.beseda.shared.Problems;
import io.beseda.workspace.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/catalog/imports")
@Tag(name = "Catalogue", description = "Feed imports, offers and stores")
class CatalogImportsApiController {

    private static final String LIMIT = "Files over " + FeedImports.MAX_BYTES / (1024 * 1024) + " MB are refused (413).";

    private final FeedImports feeds;
    private final ImportHistory history;

    CatalogImportsApiController(FeedImports feeds, ImportHistory history) {
        this.feeds = feeds;
        this.history = history;
    }

    @PostMapping(consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    @Operation(summary = "Import a Yandex Market YML feed sent as the request body",
            description = "The feed is taken as the whole catalogue: offers it no longer lists are withdrawn. 200 with the "
                    + "report; 422 with the report when the file is not a feed (nothing imported). " + LIMIT)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The YML file", content = {
            @Content(mediaType = MediaType.APPLICATION_XML_VALUE, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = MediaType.TEXT_XML_VALUE, schema = @Schema(type = "string", format = "binary"))})
    ResponseEntity<ImportReport> upload(Actor actor, InputStream body, HttpServletRequest request) {
        return answer(feeds.upload(actor.workspaceId(), body, request.getContentLengthLong()));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import a YML feed from the http(s) URL where the shop publishes it",
            description = "Beseda fetches the URL (30 s to connect and between reads) and imports it as an upload. 200 with "
                    + "the report; 422 when it is not a feed; 502 when the URL could not be fetched. " + LIMIT)
    ResponseEntity<ImportReport> fetch(Actor actor, @Valid @RequestBody FeedUrl request) {
        return answer(feeds.fetch(actor.workspaceId(), request.uri()));
    }

    @GetMapping
    @Operation(summary = "The latest " + ImportHistory.RECENT + " imports, newest first")
    List<ImportReport> recent(Actor actor) {
        return history.recent(actor.workspaceId());
    }

    @GetMapping("/{importId}")
    @Operation(summary = "One import's report")
    ImportReport get(Actor actor, @PathVariable UUID importId) {
        return history.find(actor.workspaceId(), importId).orElseThrow(() -> new NotFoundException("Import", importId));
    }

    private static ResponseEntity<ImportReport> answer(ImportReport report) {
        return ResponseEntity.status(report.failed() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK).body(report);
    }

    @ExceptionHandler(FeedTooLargeException.class)
    ProblemDetail tooLarge(FeedTooLargeException e) {
        return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "Feed too large", e.getMessage());
    }

    @ExceptionHandler(FeedDownloadException.class)
    ProblemDetail notFetched(FeedDownloadException e) {
        return Problems.of(HttpStatus.BAD_GATEWAY, "Feed not fetched", e.getMessage());
    }

    /** Where to fetch the feed from. */
    record FeedUrl(@NotBlank @Size(max = 2000) String url) {

        URI uri() {
            try {
                var uri = new URI(url.strip());
                if (FeedImports.fetchable(uri)) {
                    return uri;
                }
            } catch (URISyntaxException e) {
                // answered below like any other address that cannot be fetched
            }
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.badField("Bad Request",
                    "Ссылка на фид должна быть полным адресом http:// или https:// · the feed's url must be a full http:// or https:// address",
                    "url", "must be a full http:// or https:// address"), null);
        }
    }
}
