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
                "beseda.db.password=").applyTo(context);
    }
}
