package io.beseda.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.beseda.Beseda;
import io.beseda.channel.ChannelAccounts;
import io.beseda.consent.Channel;
import io.beseda.consent.MessageCategory;
import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.journey.definition.EntryRule;
import io.beseda.journey.definition.JourneyDefinition;
import io.beseda.journey.definition.Message;
import io.beseda.journey.definition.Step;
import io.beseda.journey.definition.Trigger;
import io.beseda.journey.runtime.JourneyCatalog;
import io.beseda.journey.runtime.JourneyEntries;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestDatabase;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.Actor;

/**
 * Kill the node mid-journey, start another: every customer continues where they were, nobody gets a message
 * twice and nobody misses one. The nodes are real Beseda processes on the test database; this test's own
 * context runs no timers, it only enters the customers and watches.
 */
@BesedaTest
class JourneyRestartTests {

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ChannelAccounts accounts;
    @Autowired
    JourneyCatalog catalog;
    @Autowired
    JourneyEntries entries;
    @Autowired
    Customers customers;
    @Autowired
    JdbcClient jdbc;

    private final List<Process> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        nodes.forEach(Process::destroyForcibly);
    }

    @Test
    void aKilledNodesCustomersContinueOnTheNextNodeWithEveryMessageOnce() throws Exception {
        var tenant = workspaces.create("Перезапуск " + UUID.randomUUID());
        var workspace = tenant.workspace().id();
        for (var channel : List.of(Channel.SMS, Channel.EMAIL, Channel.TELEGRAM)) {
            accounts.add(workspace, channel, "sandbox", "Песочница " + channel, Map.of(), 200);
        }
        var actor = Actor.system(workspace, "test");
        var journey = catalog.create(actor, "Три сообщения", threeMessages(), null).id();
        catalog.launch(actor, journey, false, List.of());

        var first = node();
        var shoppers = new ArrayList<CustomerId>();
        for (int i = 0; i < 40; i++) {
            var phone = "+7926" + String.format("%07d", 1_000_000 + i + Math.floorMod(journey.hashCode(), 8_000_000));
            var customer = customers.resolve(workspace, List.of(Identity.phone(phone), Identity.of(io.beseda.customer.IdentityKind.EMAIL,
                    "restart-" + i + "-" + journey + "@example.ru"), Identity.of(io.beseda.customer.IdentityKind.TELEGRAM,
                    String.valueOf(700_000 + i))), java.time.Instant.now()).orElseThrow();
            shoppers.add(customer);
            assertThat(entries.enterByApi(workspace, journey, customer, Map.of())).isPresent();
        }
        // mid-journey: the first messages went out, some runs wait, some are being moved right now
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> sent(workspace, "EMAIL") > 0);
        first.destroyForcibly().waitFor();
        var atKill = jdbc.sql("select count(*) from journey_run where journey_id = ? and status = 'ACTIVE'").param(journey)
                .query(Long.class).single();

        node();
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> jdbc.sql(
                "select count(*) from journey_run where journey_id = ? and status = 'COMPLETED'").param(journey)
                .query(Long.class).single() == shoppers.size());

        assertThat(atKill).as("the node was killed with customers still inside").isPositive();
        for (var channel : List.of("SMS", "EMAIL", "TELEGRAM")) {
            assertThat(jdbc.sql("""
                    select count(*) from outbound_message where workspace_id = ? and channel = ? and status = 'SENT'
                    group by customer_id having count(*) <> 1""").params(workspace.value(), channel).query(Long.class).list())
                    .as("every shopper got exactly one " + channel).isEmpty();
            assertThat(sent(workspace, channel)).as(channel).isEqualTo(shoppers.size());
        }
    }

    private long sent(io.beseda.workspace.WorkspaceId workspace, String channel) {
        return jdbc.sql("select count(distinct customer_id) from outbound_message where workspace_id = ? and channel = ? and status = 'SENT'")
                .params(workspace.value(), channel).query(Long.class).single();
    }

    private static JourneyDefinition threeMessages() {
        return new JourneyDefinition(new Trigger.ApiCall(), List.of(
                new Step.Send("sms", "SMS", List.of(Channel.SMS), Map.of(Channel.SMS, new Message(null, "Первое")), false, null, null),
                new Step.Delay("pause-1", "Пауза", Duration.ofSeconds(4), null),
                new Step.Send("email", "Письмо", List.of(Channel.EMAIL), Map.of(Channel.EMAIL, new Message("Второе", "Второе")), false, null, null),
                new Step.Delay("pause-2", "Пауза", Duration.ofSeconds(4), null),
                new Step.Send("telegram", "Telegram", List.of(Channel.TELEGRAM), Map.of(Channel.TELEGRAM, new Message(null, "Третье")), false, null, null)),
                null, EntryRule.everyTime(), MessageCategory.SERVICE, 10, Duration.ofDays(1), Duration.ZERO);
    }

    /** A Beseda process on the test database, with timers and the dispatcher running; ready when it answers. */
    private Process node() throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var javaBinary = ProcessHandle.current().info().command().orElse("java");
        var process = new ProcessBuilder(javaBinary, "-Xmx512m", "-cp", System.getProperty("java.class.path"), Beseda.class.getName(),
                "--server.port=" + port, "--beseda.db.url=" + TestDatabase.url("beseda"), "--beseda.db.user=postgres",
                "--beseda.db.password=", "--beseda.secrets.key-file=target/test-master-key.json", "--beseda.demo.enabled=false",
                "--beseda.journey.timers=true", "--beseda.conversation.scheduled-passes=false", "--logging.level.root=WARN",
                "--beseda.channel.smpp.keep-bound=false", "--beseda.channel.email.readers=false")
                .redirectErrorStream(true).redirectOutput(new File("target/journey-restart-node-" + nodes.size() + ".log")).start();
        nodes.add(process);
        var health = java.net.URI.create("http://localhost:" + port + "/actuator/health");
        var client = java.net.http.HttpClient.newHttpClient();
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() ->
                client.send(java.net.http.HttpRequest.newBuilder(health).build(), java.net.http.HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 200);
        return process;
    }
}
