package io.beseda.conversation.live;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.beseda.workspace.Actor;

/**
 * The console's live stream: server-sent events for everything that happens in the signed-in person's
 * workspace (events {@code message}, {@code changed}, {@code status}, {@code typing}, {@code resync};
 * {@code ready} first). Only operators, admins and owners reach it, like the rest of {@code /inbox}.
 */
@RestController
class InboxEventsController {

    private final LiveHub hub;

    InboxEventsController(LiveHub hub) {
        this.hub = hub;
    }

    @GetMapping(path = "/inbox/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(Actor actor, HttpServletResponse response) {
        // Proxies (nginx) must pass events on at once instead of buffering the stream.
        response.setHeader("X-Accel-Buffering", "no");
        response.setHeader("Cache-Control", "no-store");
        return hub.subscribe(actor.workspaceId(), actor.id());
    }

    @ExceptionHandler(LiveHub.TooManyStreamsException.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    void busy() {
        // the browser's EventSource retries by itself
    }
}
