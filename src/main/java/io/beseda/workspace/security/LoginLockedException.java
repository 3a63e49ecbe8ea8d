package io.beseda.workspace.security;

import java.time.Instant;

import org.springframework.security.authentication.LockedException;

/** Sign-in refused without checking the password, because of too many recent failures. */
class LoginLockedException extends LockedException {

    private final Instant until;

    LoginLockedException(Instant until) {
        super("Too many failed sign-ins; locked until " + until);
        this.until = until;
    }

    Instant until() {
        return until;
    }
}
