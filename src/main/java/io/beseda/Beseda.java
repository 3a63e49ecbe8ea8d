package io.beseda;

import java.io.PrintStream;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

import io.beseda.shared.CommandOutput;

/**
 * Beseda: one place where a shop talks to its customers. {@code java -jar beseda.jar} serves the
 * console and the API; {@code java -jar beseda.jar api-key …} or {@code nlu-eval …} runs an operational command against
 * the configured database and exits.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class Beseda {

    /** The operational commands; each is an {@code ApplicationRunner} in the {@code cli} profile that acts on its own name. */
    static final java.util.Set<String> COMMANDS = java.util.Set.of("api-key", "nlu-eval");

    public static void main(String[] args) {
        if (args.length > 0 && !args[0].startsWith("-")) {
            if (!COMMANDS.contains(args[0])) {
                System.err.println("Unknown command '" + args[0] + "'. Commands: " + String.join(", ", new java.util.TreeSet<>(COMMANDS)));
                System.exit(2);
            }
            System.exit(runCommand(args));
        }
        SpringApplication.run(Beseda.class, args);
    }

    /** Runs an operational command without a web server and returns its exit code. */
    static int runCommand(String[] args) {
        PrintStream result = System.out;
        System.setOut(System.err);
        try {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(Beseda.class)
                    .web(WebApplicationType.NONE)
                    .profiles("cli")
                    .logStartupInfo(false)
                    .initializers(c -> c.getBeanFactory().registerSingleton("commandOutput", new CommandOutput(result)))
                    .run(args);
            return SpringApplication.exit(context);
        } finally {
            System.setOut(result);
        }
    }
}
