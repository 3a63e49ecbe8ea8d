package io.beseda.workspace.demo;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo workspace. Unless set, it is created only on the embedded database, so a production start
 * against an external PostgreSQL never gets a workspace with a published password.
 *
 * @param enabled  create the demo workspace on start (BESEDA_DEMO_ENABLED); empty means "embedded only"
 * @param login    the demo owner's e-mail
 * @param password the demo owner's password, printed at start
 */
@ConfigurationProperties("beseda.demo")
public record DemoSettings(@Nullable Boolean enabled,
                           @DefaultValue("admin@demo.example") String login,
                           @DefaultValue("beseda-demo") String password) {

    @Override
    public String toString() {
        return "DemoSettings[enabled=" + enabled + ", login=" + login + "]";
    }
}
