package io.beseda.customer.demo;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.beseda.customer.CustomerDirectory;
import io.beseda.customer.CustomerDirectory.Query;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.WorkspaceId;

import static org.assertj.core.api.Assertions.assertThat;

@BesedaTest
class DemoCustomersTests {

    @Autowired
    DemoCustomers demo;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    CustomerDirectory directory;

    @Autowired
    JdbcClient jdbc;

    @Test
    void fillsAWorkspaceWithCustomersWhoBrowsedCartedAndOrdered() {
        var workspace = workspaces.create("Демо").workspace().id();

        demo.fill(workspace);

        assertThat(directory.search(workspace, new Query(null, null, false, false, 0, 1)).total()).isGreaterThanOrEqualTo(200);
        assertThat(directory.search(workspace, new Query(null, null, false, true, 0, 1)).total()).as("with orders").isGreaterThan(50);
        assertThat(directory.search(workspace, new Query(null, null, true, false, 0, 1)).total()).as("with abandoned carts").isGreaterThan(10);
        assertThat(count(workspace, "select count(*) from customer where workspace_id = ? and (phone_valid is not true or name is null or email is null)"))
                .as("everyone has a name, a valid phone and an e-mail").isZero();
        assertThat(count(workspace, "select count(distinct customer_id) from customer_identity where workspace_id = ? and kind in ('TELEGRAM', 'WHATSAPP')"))
                .as("some write in messengers").isGreaterThan(30);
        assertThat(statuses(workspace)).containsKeys("new", "paid", "shipped", "delivered", "cancelled");
        assertThat(count(workspace, "select count(*) from storefront_event where workspace_id = ? and occurred_at < now() - interval '61 days'"))
                .as("history spans the last 60 days").isZero();
        assertThat(count(workspace, "select count(*) from customer_merge where workspace_id = ?")).as("no two demo people are one").isZero();
    }

    @Test
    void everyCityHasItsOwnTimeZone() {
        var workspace = workspaces.create("Демо города").workspace().id();
        demo.fill(workspace);

        var zones = jdbc.sql("select distinct city, time_zone from customer where workspace_id = ?").param(workspace.value())
                .query((row, n) -> Map.entry(row.getString(1), row.getString(2))).list();
        assertThat(zones).contains(Map.entry("Калининград", "Europe/Kaliningrad"), Map.entry("Москва", "Europe/Moscow"),
                Map.entry("Екатеринбург", "Asia/Yekaterinburg"), Map.entry("Новосибирск", "Asia/Novosibirsk"));
        assertThat(zones).allSatisfy(entry -> assertThat(ZoneId.of(entry.getValue())).isEqualTo(
                DemoCities.CITIES.stream().filter(c -> c.name().equals(entry.getKey())).findFirst().orElseThrow().zone()));
        assertThat(zones).extracting(Map.Entry::getValue).contains("Asia/Kamchatka", "Asia/Vladivostok");
    }

    @Test
    void theSameSeedMakesTheSamePeople() {
        var first = workspaces.create("Демо 1").workspace().id();
        var second = workspaces.create("Демо 2").workspace().id();

        demo.fill(first);
        demo.fill(second);

        assertThat(people(second)).isEqualTo(people(first)).hasSize(DemoCustomers.COUNT);
    }

    private List<String> people(WorkspaceId workspace) {
        return jdbc.sql("select name || ' ' || phone || ' ' || email || ' ' || city from customer where workspace_id = ? order by 1")
                .param(workspace.value()).query(String.class).list();
    }

    private Map<String, Long> statuses(WorkspaceId workspace) {
        var counts = new java.util.HashMap<String, Long>();
        jdbc.sql("select status, count(*) from order_status_change where workspace_id = ? group by status").param(workspace.value())
                .query(row -> {
                    counts.put(row.getString(1), row.getLong(2));
                });
        return counts;
    }

    private long count(WorkspaceId workspace, String sql) {
        return jdbc.sql(sql).param(workspace.value()).query(Long.class).single();
    }
}
