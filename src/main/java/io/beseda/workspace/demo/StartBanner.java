package io.beseda.workspace.demo;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import io.beseda.workspace.Users;

/** Tells the person who just ran {@code ./beseda run} where the console is and how to sign in. */
@Component
class StartBanner {

    private final Environment environment;
    private final DemoWorkspace demo;
    private final DemoSettings settings;
    private final Users users;
    private final PasswordEncoder passwords;

    StartBanner(Environment environment, DemoWorkspace demo, DemoSettings settings, Users users,
                PasswordEncoder passwords) {
        this.environment = environment;
        this.demo = demo;
        this.settings = settings;
        this.users = users;
        this.passwords = passwords;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        var port = environment.getProperty("local.server.port");
        if (port == null) {
            return;
        }
        var text = new StringBuilder("\n\n  Беседа запущена · Beseda is running\n  Консоль / Console: http://localhost:")
                .append(port).append("/\n");
        if (demo.enabled()) {
            var password = users.credentials(settings.login())
                    .filter(c -> passwords.matches(settings.password(), c.passwordHash()))
                    .map(c -> settings.password()).orElse("(изменён / changed)");
            text.append("  Демо-магазин: вход / login ").append(settings.login())
                    .append("  пароль / password ").append(password).append('\n');
        }
        text.append("  API: http://localhost:").append(port).append("/api/docs\n");
        System.out.println(text);
    }
}
