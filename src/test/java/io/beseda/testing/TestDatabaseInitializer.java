package io.beseda.testing;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a test's application context at the shared test PostgreSQL, as BESEDA_DB_URL would in production. */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "beseda.db.url=" + TestDatabase.url("beseda"),
                "beseda.db.user=postgres",
                "beseda.db.password=",
                // one master key for the whole run, outside the work tree's data folder
                "beseda.secrets.key-file=target/test-master-key.json",
                // The SLA and snooze passes: tests run them with a clock of their own.
                "beseda.conversation.scheduled-passes=false",
                // WireMock stands in for shops' feed servers on localhost (FeedImportGuardTests covers the refusal)
                "beseda.catalog.feeds.allow-private-addresses=true").applyTo(context);
        if (!context.getEnvironment().containsProperty("beseda.journey.timers")) {
            // Journey timers run only in the contexts of tests that ask for them (with their own clock), so one
            // context's scheduler never fires another's timers on the wrong clock.
            TestPropertyValues.of("beseda.journey.timers=false").applyTo(context);
        }
        if (!context.getEnvironment().containsProperty("beseda.channel.scheduled-dispatch")) {
            // Tests drive the outbound dispatcher themselves, so what it does happens when they say —
            // unless a test asks for the background dispatcher with @TestPropertySource.
            TestPropertyValues.of("beseda.channel.scheduled-dispatch=false").applyTo(context);
        }
    }
}
