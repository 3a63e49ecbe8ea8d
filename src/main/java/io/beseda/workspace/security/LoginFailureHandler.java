package io.beseda.workspace.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/** Sends a failed sign-in back to the form with the reason the person should see. */
class LoginFailureHandler implements AuthenticationFailureHandler {

    private final Clock clock;

    LoginFailureHandler(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        String target;
        if (exception instanceof LoginLockedException locked) {
            long minutes = Math.max(1, Duration.between(clock.instant(), locked.until()).toSeconds() / 60 + 1);
            target = "/login?error=locked&minutes=" + minutes;
        } else if (exception instanceof DisabledException) {
            target = "/login?error=disabled";
        } else {
            target = "/login?error=bad";
        }
        response.sendRedirect(request.getContextPath() + target);
    }
}
