package io.beseda.consent.web;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import io.beseda.consent.UnsubscribeLinks;
import io.beseda.consent.UnsubscribeTarget;
import io.beseda.workspace.Workspaces;

/**
 * The public page behind an unsubscribe link. GET only asks (mail scanners open links; opening must not
 * unsubscribe anyone); POST withdraws, whether a person pressed the button or a mail client sent the
 * RFC 8058 one-click request ({@code List-Unsubscribe=One-Click}, which carries no CSRF token, hence
 * /u/** is exempt from CSRF). A link that is not genuine gets a plain "not valid" page with 404.
 */
@Controller
@RequestMapping("/u/{token}")
class UnsubscribeController {

    private static final int MAX_DEVICE_LENGTH = 500;

    private final UnsubscribeLinks links;
    private final Workspaces workspaces;

    UnsubscribeController(UnsubscribeLinks links, Workspaces workspaces) {
        this.links = links;
        this.workspaces = workspaces;
    }

    @GetMapping
    ModelAndView confirm(@PathVariable String token) {
        return links.read(token).map(target -> page("consent/unsubscribe", target, HttpStatus.OK).addObject("token", token))
                .orElseGet(UnsubscribeController::invalid);
    }

    @PostMapping
    ModelAndView unsubscribe(@PathVariable String token,
                             @RequestParam(name = "List-Unsubscribe", required = false) @Nullable String oneClick,
                             HttpServletRequest request) {
        var target = links.read(token);
        if (target.isEmpty()) {
            return invalid();
        }
        links.unsubscribe(token, request.getRemoteAddr(), device(request), "One-Click".equals(oneClick));
        return page("consent/unsubscribed", target.get(), HttpStatus.OK);
    }

    private ModelAndView page(String view, UnsubscribeTarget target, HttpStatus status) {
        var page = new ModelAndView(view, status);
        page.addObject("channel", target.channel());
        workspaces.find(target.workspaceId()).ifPresent(w -> page.addObject("shop", w.name()));
        return page;
    }

    private static ModelAndView invalid() {
        return new ModelAndView("consent/unsubscribe-invalid", HttpStatus.NOT_FOUND);
    }

    private static @Nullable String device(HttpServletRequest request) {
        var agent = request.getHeader("User-Agent");
        return agent == null || agent.length() <= MAX_DEVICE_LENGTH ? agent : agent.substring(0, MAX_DEVICE_LENGTH);
    }
}
