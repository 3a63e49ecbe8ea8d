package io.beseda.console.web;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import io.beseda.workspace.Actor;

/** The sign-in page and the console's start page. */
@Controller
class ConsoleController {

    @GetMapping("/login")
    String login(@Nullable Authentication authentication) {
        var signedIn = authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
        return signedIn ? "redirect:/" : "login";
    }

    @GetMapping("/")
    String home(Actor actor) {
        return "home";
    }
}
