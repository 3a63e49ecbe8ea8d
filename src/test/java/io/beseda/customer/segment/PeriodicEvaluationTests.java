package io.beseda.customer.segment;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.beseda.customer.Customers;
import io.beseda.customer.Segment;
import io.beseda.customer.Segments;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.WorkspaceId;

import static org.assertj.core.api.Assertions.assertThat;

/** The periodic pass: built-in segments, rules that drift with time, one node at a time. */
@BesedaTest
class PeriodicEvaluationTests {

    @Autowired
    PeriodicSegmentEvaluation periodic;

    @Autowired
    Segments segments;

    @Autowired
    SegmentEventLog log;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Customers customers;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    DataSource dataSource;

    @Autowired
    Clock clock;

    WorkspaceId workspace;
    History history;

    @BeforeEach
    void shop() {
        workspace = workspaces.create("Периодический пересчёт").workspace().id();
        history = new History(jdbc, customers, workspace, clock.instant());
    }

    private Segment builtIn(String key) {
        return segments.list(workspace).stream().filter(s -> key.equals(s.builtInKey())).findFirst().orElseThrow();
    }

    @Test
    void everyWorkspaceGetsTheBuiltInSegmentsOnce() {
        segments.list(workspace);
        var listed = segments.list(workspace);

        assertThat(listed).extracting(Segment::name).containsExactly("Решительные покупатели", "Просматривающие",
                "Сомневающиеся", "Чемпионы (RFM)", "Уходящие (RFM)", "Брошенная корзина");
        assertThat(listed).allMatch(Segment::builtIn);
        assertThat(jdbc.sql("select count(*) from segment where workspace_id = ? and built_in").param(workspace.value())
                .query(Long.class).single()).isEqualTo(6);
    }

    @Test
    void aCartBecomesAbandonedAsTimePassesWithoutAnyEvent() {
        var abandoned = builtIn("abandoned-cart");
        var anna = history.customer("Анна");
        history.cart(anna, "3200", Duration.ofHours(2));
        var fresh = history.customer("Борис");
        history.cart(fresh, "3200", Duration.ofMinutes(10));

        assertThat(segments.contains(workspace, abandoned.id(), anna)).as("nothing happened yet").isFalse();
        assertThat(periodic.pass(workspace)).isTrue();

        assertThat(segments.members(workspace, abandoned.id(), null, 10)).containsExactly(anna);
        assertThat(log.entered(abandoned.id(), anna)).hasSize(1);
        assertThat(segments.get(workspace, abandoned.id()).evaluatedAt()).isNotNull();
    }

    @Test
    void aPassAnotherNodeIsRunningIsSkipped() throws SQLException {
        var abandoned = builtIn("abandoned-cart");
        var anna = history.customer("Анна");
        history.cart(anna, "3200", Duration.ofHours(2));

        try (var otherNode = dataSource.getConnection()) {
            otherNode.setAutoCommit(false);
            try (var lock = otherNode.prepareStatement("select pg_advisory_xact_lock(" + SegmentStore.PASS_LOCK_KEY + ")")) {
                lock.setString(1, workspace.value().toString());
                lock.execute();
            }
            assertThat(periodic.pass(workspace)).isFalse();
            assertThat(segments.contains(workspace, abandoned.id(), anna)).isFalse();
            otherNode.rollback();
        }

        assertThat(periodic.pass(workspace)).isTrue();
        assertThat(segments.contains(workspace, abandoned.id(), anna)).isTrue();
    }
}
