package io.beseda.consent.demo;

import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.beseda.consent.Channel;
import io.beseda.consent.ConsentChange;
import io.beseda.consent.ConsentPurpose;
import io.beseda.consent.ConsentSource;
import io.beseda.consent.Consents;
import io.beseda.customer.Customer;
import io.beseda.customer.CustomerDirectory;
import io.beseda.workspace.Actor;
import io.beseda.workspace.WorkspaceId;
import io.beseda.workspace.Workspaces;

/**
 * Gives the demo shop's customers the consents a real shop collects at checkout: about two in three
 * agreed to marketing by SMS, about half by e-mail, the rest never did. Runs once, after the demo
 * customers exist, and only where the demo workspace exists.
 */
@Component
@Order(2)
class DemoConsents implements ApplicationRunner {

    static final String TEXT = "Я согласен(на) получать рекламные сообщения о скидках и акциях магазина по SMS и "
            + "электронной почте. Отказаться можно в любой момент: ответьте «СТОП» или перейдите по ссылке в письме.";

    private final Workspaces workspaces;
    private final CustomerDirectory directory;
    private final Consents consents;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    DemoConsents(Workspaces workspaces, CustomerDirectory directory, Consents consents, JdbcClient jdbc,
                 TransactionTemplate transactions) {
        this.workspaces = workspaces;
        this.directory = directory;
        this.consents = consents;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        workspaces.findBySlug("demo").filter(w -> untouched(w.id()))
                .ifPresent(w -> transactions.executeWithoutResult(status -> fill(w.id())));
    }

    void fill(WorkspaceId workspace) {
        var actor = Actor.system(workspace, "demo");
        var version = consents.registerText(actor, ConsentPurpose.MARKETING, "2026-01", TEXT).version();
        for (int page = 0; ; page++) {
            var customers = directory.search(workspace, new CustomerDirectory.Query(null, null, false, false, page, CustomerDirectory.MAX_PAGE));
            customers.customers().forEach(customer -> grant(actor, customer, version));
            if (!customers.hasNext()) {
                return;
            }
        }
    }

    private void grant(Actor actor, Customer customer, String version) {
        // Deterministic, so every demo looks the same: the choice follows the customer's phone.
        int roll = Math.floorMod(String.valueOf(customer.phone()).hashCode(), 6);
        if (roll < 4 && customer.phone() != null) {
            consents.record(actor, customer.id(), grant(Channel.SMS, customer.phone(), version));
        }
        if (roll % 2 == 0 && customer.email() != null) {
            consents.record(actor, customer.id(), grant(Channel.EMAIL, customer.email(), version));
        }
    }

    private static ConsentChange grant(Channel channel, String address, String version) {
        return new ConsentChange(ConsentPurpose.MARKETING, channel, address, true, version, ConsentSource.CHECKOUT,
                null, "demo-shop checkout form", Map.of("form", "checkout", "checkbox", "marketing"));
    }

    private boolean untouched(WorkspaceId workspace) {
        return jdbc.sql("select not exists (select 1 from consent_record where workspace_id = ?) and exists (select 1 from customer where workspace_id = ?)")
                .params(workspace.value(), workspace.value()).query(Boolean.class).single();
    }
}
