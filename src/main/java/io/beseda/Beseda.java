package io.beseda;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Beseda: one place where a shop talks to its customers. {@code java -jar beseda.jar} serves the
 * console and the API; {@code java -jar beseda.jar api-key …} runs an operational command against
 * the configured database and exits.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class Beseda {

    public static void main(String[] args) {
        boolean command = args.length > 0 && !args[0].startsWith("-");
        var app = new SpringApplicationBuilder(Beseda.class);
        if (command) {
            app.web(WebApplicationType.NONE).profiles("cli").logStartupInfo(false);
        }
        var context = app.run(args);
        if (command) {
            System.exit(org.springframework.boot.SpringApplication.exit(context));
        }
    }
}
