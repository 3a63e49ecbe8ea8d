package io.beseda.channel.push;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.beseda.customer.CustomerErased;
import io.beseda.customer.CustomersMerged;

/** Browsers and devices follow their customer: into the survivor of a merge, and out with an erasure. */
@Component
class PushCustomerEvents {

    private static final String[] TABLES = {"push_subscription", "push_device"};

    private final JdbcClient jdbc;

    PushCustomerEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(CustomersMerged merged) {
        for (var table : TABLES) {
            jdbc.sql("update " + table + " set customer_id = ? where workspace_id = ? and customer_id = ?")
                    .params(merged.survivor().value(), merged.workspaceId().value(), merged.merged().value()).update();
        }
    }

    @ApplicationModuleListener
    void on(CustomerErased erased) {
        for (var table : TABLES) {
            jdbc.sql("delete from " + table + " where workspace_id = ? and customer_id = ?")
                    .params(erased.workspaceId().value(), erased.customer().value()).update();
        }
    }
}
