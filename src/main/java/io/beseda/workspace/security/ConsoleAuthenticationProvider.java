package io.beseda.workspace.security;

import java.time.Clock;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import io.beseda.workspace.Users;

/**
 * Signs a person in by e-mail and password. The throttle is asked first; an unknown login costs the
 * same hashing work as a known one; and a disabled account is only reported once the password was
 * right, so guessing reveals nothing about who has an account.
 */
class ConsoleAuthenticationProvider implements AuthenticationProvider {

    private final Users users;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final String unknownUserHash;

    ConsoleAuthenticationProvider(Users users, PasswordEncoder passwords, LoginThrottle throttle, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        this.clock = clock;
        this.unknownUserHash = passwords.encode("no such user, still hashed");
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        var login = attempt.getName();
        var password = String.valueOf(attempt.getCredentials());
        var address = attempt.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
        var locked = throttle.lockedUntil(login, address);
        if (locked.isPresent()) {
            throw new LoginLockedException(locked.get());
        }
        var credentials = users.credentials(login);
        var hash = credentials.map(Users.Credentials::passwordHash).orElse(unknownUserHash);
        if (!passwords.matches(password, hash) || credentials.isEmpty()) {
            throttle.recordFailure(login, address);
            throw new BadCredentialsException("Wrong e-mail or password");
        }
        var user = credentials.get().user();
        if (!user.enabled()) {
            throw new DisabledException("This account is disabled");
        }
        throttle.recordSuccess(login);
        users.recordLogin(user.id(), clock.instant());
        var principal = ConsoleUser.of(user);
        var result = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities());
        result.setDetails(attempt.getDetails());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
