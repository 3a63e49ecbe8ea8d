package io.beseda.channel.push;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tracking links a notification carries, capabilities by their unguessable token: a click is counted,
 * makes the message READ and leads on to the message's link (only ever the one stored with the token, so
 * this is no open redirect); the service worker's (or app's) beacon when it shows the notification makes the
 * message DELIVERED.
 */
@RestController
class PushClickController {

    private final PushDeliveries deliveries;

    PushClickController(PushDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping(PushDeliveries.CLICK_PATH + "{pushToken}")
    ResponseEntity<Void> click(@PathVariable String pushToken) {
        return deliveries.click(pushToken)
                .map(url -> url.isEmpty() ? ResponseEntity.noContent().<Void>build()
                        : ResponseEntity.status(HttpStatus.FOUND).location(URI.create(url)).<Void>build())
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @CrossOrigin(origins = "*", methods = {RequestMethod.POST, RequestMethod.OPTIONS}, allowCredentials = "false", maxAge = 86_400)
    @PostMapping(PushDeliveries.SHOWN_PATH + "{pushToken}")
    ResponseEntity<Void> shown(@PathVariable String pushToken) {
        return deliveries.shown(pushToken) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }
}
