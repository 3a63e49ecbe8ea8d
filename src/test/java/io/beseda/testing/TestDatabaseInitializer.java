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
                // Tests drive the outbound dispatcher themselves, so what it does happens when they say.
                "beseda.channel.scheduled-dispatch=false",
                // Likewise the SLA and snooze passes: tests run them with a clock of their own.
                "beseda.conversation.scheduled-passes=false").applyTo(context);
    }
}
