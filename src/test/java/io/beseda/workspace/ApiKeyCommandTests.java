package io.beseda.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.beseda.Beseda;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.Http;
import io.beseda.testing.TestDatabase;
import io.beseda.testing.TestWorkspaces;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./beseda api-key …} as an operator runs it: a separate process against the same database while
 * Beseda is serving. Its stdout carries only the key, so scripts can capture it.
 */
@BesedaTest
class ApiKeyCommandTests {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Test
    void createsAKeyThatTheRunningServerAcceptsAndRevokesIt() throws Exception {
        var tenant = workspaces.create("Командная строка");
        var slug = tenant.workspace().slug();

        var created = command("api-key", "create", slug, "Выгрузка заказов");
        assertThat(created.exitCode()).as(created.stderr()).isZero();
        assertThat(created.stdout().strip()).matches("bsd_[A-Za-z0-9_-]{43}");
        var key = created.stdout().strip();

        var api = Http.api(port);
        assertThat(api.call("GET", "/api/v1/workspace", key, null).statusCode()).isEqualTo(200);

        var revoked = command("api-key", "revoke", slug, "Выгрузка заказов");
        assertThat(revoked.exitCode()).as(revoked.stderr()).isZero();
        assertThat(api.call("GET", "/api/v1/workspace", key, null).statusCode()).isEqualTo(401);
    }

    @Test
    void explainsWhatIsWrong() throws Exception {
        var unknownWorkspace = command("api-key", "create", "no-such-shop", "x");
        assertThat(unknownWorkspace.exitCode()).isEqualTo(1);
        assertThat(unknownWorkspace.stderr()).contains("No workspace with slug 'no-such-shop'");
        assertThat(unknownWorkspace.stdout()).isBlank();

        var tenant = workspaces.create("Ошибки команды");
        var unknownKey = command("api-key", "revoke", tenant.workspace().slug(), "never issued");
        assertThat(unknownKey.exitCode()).isEqualTo(1);
        assertThat(unknownKey.stderr()).contains("No active API key named 'never issued'");

        var usage = command("api-key", "rotate", tenant.workspace().slug(), "x");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.stderr()).contains("Usage:");
    }

    record Result(int exitCode, String stdout, String stderr) {
    }

    private static Result command(String... args) throws IOException, InterruptedException {
        var java = ProcessHandle.current().info().command().orElse("java");
        var commandLine = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Beseda.class.getName()));
        commandLine.addAll(List.of(args));
        commandLine.add("--beseda.db.url=" + TestDatabase.url("beseda"));
        commandLine.add("--beseda.db.user=postgres");
        // the command shares the server's master key, as it shares its data folder in production
        commandLine.add("--beseda.secrets.key-file=target/test-master-key.json");
        var stderr = Files.createTempFile("beseda-command", ".err");
        var process = new ProcessBuilder(commandLine).redirectError(stderr.toFile()).start();
        var stdout = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        var errors = Files.readString(stderr, StandardCharsets.UTF_8);
        Files.delete(stderr);
        return new Result(process.exitValue(), new String(stdout, StandardCharsets.UTF_8), errors);
    }
}
