package io.beseda.customer.demo;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.beseda.customer.CustomerDirectory;
import io.beseda.customer.CustomerProfiles;
import io.beseda.customer.CustomerProfiles.AttributeDefinition;
import io.beseda.customer.CustomerProfiles.AttributeType;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.customer.IdentityKind;
import io.beseda.customer.demo.DemoPeople.Person;
import io.beseda.customer.storefront.StorefrontEventParser;
import io.beseda.customer.storefront.StorefrontIngestion;
import io.beseda.workspace.WorkspaceId;
import io.beseda.workspace.Workspaces;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fills «Демо-магазин» with customers once it exists and has none: runs after the workspace module
 * created it (its runner is order 0), so the demo data appears exactly when the demo does. The same
 * seed gives the same people every time; their histories go through the real storefront ingestion.
 */
@Component
@Order(1)
@Profile("!cli")
class DemoCustomers implements ApplicationRunner {

    static final String DEMO_SLUG = "demo";
    static final int COUNT = 300;
    private static final long SEED = 20_261_123L;
    private static final int BATCH = StorefrontEventParser.MAX_BATCH;
    private static final List<String> CARDS = List.of("Серебряная", "Золотая", "Платиновая");
    private static final Logger log = LoggerFactory.getLogger(DemoCustomers.class);

    private final Workspaces workspaces;
    private final CustomerDirectory directory;
    private final Customers customers;
    private final CustomerProfiles profiles;
    private final StorefrontEventParser parser;
    private final StorefrontIngestion ingestion;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoCustomers(Workspaces workspaces, CustomerDirectory directory, Customers customers, CustomerProfiles profiles,
                  StorefrontEventParser parser, StorefrontIngestion ingestion, TransactionTemplate transactions,
                  Clock clock) {
        this.workspaces = workspaces;
        this.directory = directory;
        this.customers = customers;
        this.profiles = profiles;
        this.parser = parser;
        this.ingestion = ingestion;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        workspaces.findBySlug(DEMO_SLUG).map(w -> w.id()).filter(this::empty).ifPresent(workspace -> {
            var started = System.nanoTime();
            fill(workspace);
            log.info("Created {} demo customers in «Демо-магазин» in {} ms", COUNT, (System.nanoTime() - started) / 1_000_000);
        });
    }

    /** Adds the demo customers to a workspace, all or nothing. */
    void fill(WorkspaceId workspace) {
        transactions.executeWithoutResult(status -> {
            var random = new Random(SEED);
            var people = new DemoPeople(random).generate(COUNT);
            var history = new DemoHistory(random, clock.instant());
            // In the order they happened, as a shop would have sent them: profiles start when their people first came.
            ingest(workspace, people.stream().flatMap(p -> history.of(p).stream())
                    .sorted(Comparator.comparing(e -> Instant.parse(e.path("occurredAt").asString()))).toList());
            defineAttributes(workspace);
            people.forEach(person -> describe(workspace, person, random));
        });
    }

    private boolean empty(WorkspaceId workspace) {
        return directory.search(workspace, new CustomerDirectory.Query(null, null, false, false, 0, 1)).total() == 0;
    }

    private void ingest(WorkspaceId workspace, List<ObjectNode> events) {
        for (int from = 0; from < events.size(); from += BATCH) {
            var batch = JsonNodeFactory.instance.arrayNode();
            events.subList(from, Math.min(from + BATCH, events.size())).forEach(batch::add);
            var result = ingestion.ingest(workspace, parser.parse(batch));
            if (!result.rejected().isEmpty()) {
                throw new IllegalStateException("Demo events were refused: " + result.rejected());
            }
        }
    }

    private void defineAttributes(WorkspaceId workspace) {
        profiles.define(workspace, new AttributeDefinition("loyalty_card", AttributeType.STRING, "Карта лояльности"));
        profiles.define(workspace, new AttributeDefinition("bonus_points", AttributeType.NUMBER, "Бонусные баллы"));
    }

    private void describe(WorkspaceId workspace, Person person, Random random) {
        var id = customers.findBy(workspace, Identity.of(IdentityKind.VISITOR, person.visitorId())).orElseThrow();
        Map<String, Object> attributes = random.nextInt(100) < 40
                ? Map.of("loyalty_card", CARDS.get(random.nextInt(CARDS.size())), "bonus_points", 100 * random.nextInt(50))
                : Map.of();
        profiles.change(workspace, id, new CustomerProfiles.Change(person.name(), person.birthday(), person.gender(),
                person.city().name(), person.city().zone(), attributes));
    }
}
