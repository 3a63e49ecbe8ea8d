package io.beseda.conversation.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.beseda.conversation.OperatorStatus;
import io.beseda.conversation.Operators;
import io.beseda.workspace.Actor;

/**
 * The signed-in operator's own status switch (ONLINE / AWAY / OFFLINE), for any console page to post to;
 * it returns to {@code back} when that is a path of this console, else to the inbox.
 */
@Controller
class AvailabilityConsoleController {

    private final Operators operators;

    AvailabilityConsoleController(Operators operators) {
        this.operators = operators;
    }

    @PostMapping("/inbox/availability")
    String set(Actor actor, @RequestParam OperatorStatus status, @RequestParam(required = false) @Nullable String back,
               RedirectAttributes redirect) {
        var page = back != null && back.startsWith("/") && !back.startsWith("//") && !back.startsWith("/\\") ? back : "/inbox";
        return SettingsRedirects.apply(redirect, page, "availability.saved", () -> {
            operators.setAvailability(actor, status);
            return "";
        });
    }
}
