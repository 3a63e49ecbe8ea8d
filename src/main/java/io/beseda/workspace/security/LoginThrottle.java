package io.beseda.workspace.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing, across all nodes: five failed sign-ins for one login, or thirty from
 * one address, within fifteen minutes lock that login or address until fifteen minutes have passed
 * since the oldest of those failures.
 */
@Component
class LoginThrottle {

    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int FAILURES_PER_LOGIN = 5;
    static final int FAILURES_PER_ADDRESS = 30;

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Instant> lockedUntil(String login, String address) {
        var now = clock.instant();
        return later(lockedUntil("login", normalise(login), FAILURES_PER_LOGIN, now),
                lockedUntil("remote_address", address, FAILURES_PER_ADDRESS, now));
    }

    void recordFailure(String login, String address) {
        var now = clock.instant();
        jdbc.sql("insert into login_failure (login, remote_address, failed_at) values (?, ?, ?)")
                .params(normalise(login), address, Timestamp.from(now)).update();
        jdbc.sql("delete from login_failure where failed_at < ?")
                .param(Timestamp.from(now.minus(Duration.ofDays(1)))).update();
    }

    void recordSuccess(String login) {
        jdbc.sql("delete from login_failure where login = ?").param(normalise(login)).update();
    }

    private Optional<Instant> lockedUntil(String column, String value, int limit, Instant now) {
        List<Timestamp> recent = jdbc.sql("select failed_at from login_failure where " + column
                        + " = ? and failed_at > ? order by failed_at desc limit ?")
                .params(value, Timestamp.from(now.minus(WINDOW)), limit)
                .query(Timestamp.class).list();
        if (recent.size() < limit) {
            return Optional.empty();
        }
        return Optional.of(recent.getLast().toInstant().plus(WINDOW));
    }

    private static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.filter(until -> until.isAfter(a.get())).or(() -> a);
    }

    private static String normalise(String login) {
        return login.trim().toLowerCase(Locale.ROOT);
    }
}
