package io.beseda.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

import io.beseda.console.ConsoleNavigation;
import io.beseda.workspace.CurrentActor;
import io.beseda.workspace.Workspaces;

/** Gives every console page what the layout shows: who is signed in, their workspace, the navigation. */
class ConsoleModelInterceptor implements HandlerInterceptor {

    private final ConsoleNavigation navigation;
    private final Workspaces workspaces;

    ConsoleModelInterceptor(ConsoleNavigation navigation, Workspaces workspaces) {
        this.navigation = navigation;
        this.workspaces = workspaces;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           @Nullable ModelAndView view) {
        if (view == null || view.getViewName() == null || view.getViewName().startsWith("redirect:")) {
            return;
        }
        var path = request.getRequestURI().substring(request.getContextPath().length());
        view.addObject("currentPath", path);
        CurrentActor.find().ifPresent(actor -> {
            view.addObject("me", actor);
            view.addObject("navigation", navigation.visibleTo(actor.role()));
            workspaces.find(actor.workspaceId()).ifPresent(w -> view.addObject("workspace", w));
        });
    }
}
