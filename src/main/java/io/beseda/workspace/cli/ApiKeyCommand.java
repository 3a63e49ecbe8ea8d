package io.beseda.workspace.cli;

import java.io.PrintStream;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.beseda.shared.CommandOutput;
import io.beseda.shared.RuleViolationException;
import io.beseda.workspace.Workspace;
import io.beseda.workspace.Workspaces;
import io.beseda.workspace.apikey.ApiKeys;

/**
 * {@code api-key create <workspace-slug> <name>} prints a new key; {@code api-key revoke <workspace-slug>
 * <name>} revokes the active key of that name. Works whether or not Beseda is serving at the moment.
 */
@Component
@Profile("cli")
@Order(10)
class ApiKeyCommand implements ApplicationRunner, ExitCodeGenerator {

    static final String USAGE = """
            Usage:
              ./beseda api-key create <workspace-slug> <name>
              ./beseda api-key revoke <workspace-slug> <name>""";

    private final Workspaces workspaces;
    private final ApiKeys keys;
    private final PrintStream out;
    private final PrintStream err;
    private int exitCode;

    ApiKeyCommand(Workspaces workspaces, ApiKeys keys, CommandOutput output) {
        this.workspaces = workspaces;
        this.keys = keys;
        this.out = output.out();
        this.err = System.err;
    }

    @Override
    public void run(ApplicationArguments args) {
        var words = args.getNonOptionArgs();
        if (!words.isEmpty() && words.getFirst().equals("api-key")) {
            exitCode = execute(words);
        }
    }

    int execute(List<String> args) {
        if (args.size() != 4 || !args.get(0).equals("api-key")
                || !(args.get(1).equals("create") || args.get(1).equals("revoke"))) {
            err.println(USAGE);
            return 2;
        }
        var workspace = workspaces.findBySlug(args.get(2));
        if (workspace.isEmpty()) {
            err.println("No workspace with slug '" + args.get(2) + "'.");
            return 1;
        }
        return args.get(1).equals("create") ? create(workspace.get(), args.get(3)) : revoke(workspace.get(), args.get(3));
    }

    private int create(Workspace workspace, String name) {
        try {
            var issued = keys.issue(workspace.id(), name, "./beseda api-key");
            out.println(issued.secret());
            err.println("API key '" + name + "' created for workspace '" + workspace.slug()
                    + "'. Keep it safe: it is not shown again.");
            return 0;
        } catch (RuleViolationException e) {
            err.println("An active API key named '" + name + "' already exists in '" + workspace.slug() + "'.");
            return 1;
        }
    }

    private int revoke(Workspace workspace, String name) {
        var revoked = keys.revokeByName(workspace.id(), name);
        if (revoked.isEmpty()) {
            err.println("No active API key named '" + name + "' in '" + workspace.slug() + "'.");
            return 1;
        }
        out.println("Revoked API key '" + name + "' (" + revoked.get().prefix() + "…) in '" + workspace.slug() + "'.");
        return 0;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
