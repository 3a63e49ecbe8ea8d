package io.beseda.customer.segment;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.beseda.customer.CustomerActivityRecorded;
import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.customer.SegmentId;
import io.beseda.customer.Segments;
import io.beseda.customer.segment.rule.RuleParser;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.WorkspaceId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Memberships follow what customers do, and every change is heard exactly once. */
@BesedaTest
class SegmentMembershipTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Customers customers;

    @Autowired
    Segments segments;

    @Autowired
    SegmentEditor editor;

    @Autowired
    SegmentEventLog log;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Clock clock;

    WorkspaceId workspace;
    History history;
    SegmentId bigCarts;

    @BeforeEach
    void shopWithASegment() {
        workspace = workspaces.create("Сегменты").workspace().id();
        history = new History(jdbc, customers, workspace, clock.instant());
        bigCarts = editor.create(workspace, "Большая корзина", RuleParser.readTree("""
                {"cart": {"op": "gt", "value": 1000}}""")).segment().id();
    }

    private void activity(CustomerId... who) {
        transactions.executeWithoutResult(status ->
                events.publishEvent(new CustomerActivityRecorded(workspace, List.of(who))));
    }

    private void awaitEntered(SegmentId segment, CustomerId customer) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !log.entered(segment, customer).isEmpty());
    }

    @Test
    void activityAddsAndRemovesMembersAndEachChangeIsHeardOnce() {
        var anna = history.customer("Анна");
        history.cart(anna, "5000", Duration.ofMinutes(5));
        activity(anna);
        awaitEntered(bigCarts, anna);

        var boris = history.customer("Борис");
        history.cart(boris, "2000", Duration.ofMinutes(1));
        activity(anna, boris);
        // Both are re-checked in one transaction: once Борис is in, Анна's second check is committed too.
        awaitEntered(bigCarts, boris);
        assertThat(log.entered(bigCarts, anna)).as("hearing the same activity twice changes nothing").hasSize(1);

        history.cart(anna, "0", Duration.ZERO);
        activity(anna);
        await().atMost(Duration.ofSeconds(20)).until(() -> !log.left(bigCarts, anna).isEmpty());
        activity(anna, boris);
        await().atMost(Duration.ofSeconds(20)).until(() -> segments.contains(workspace, bigCarts, boris));

        assertThat(log.left(bigCarts, anna)).hasSize(1);
        assertThat(log.entered(bigCarts, anna)).hasSize(1);
        assertThat(segments.members(workspace, bigCarts, null, 10)).containsExactly(boris);
        assertThat(segments.of(workspace, anna)).extracting(s -> s.id()).doesNotContain(bigCarts);
    }

    @Test
    void aMergedProfileLeavesAndTheSurvivorIsReevaluatedWithEverythingItGained() {
        var survivor = customers.resolve(workspace, List.of(Identity.phone("+7 912 000-11-22")),
                clock.instant().minus(Duration.ofDays(3))).orElseThrow();
        var merged = history.customer("Второй профиль");
        history.cart(merged, "4000", Duration.ofMinutes(5));
        activity(merged);
        awaitEntered(bigCarts, merged);

        var email = jdbc.sql("select email from customer where id = ?").param(merged.value()).query(String.class).single();
        var resolved = customers.resolve(workspace, List.of(Identity.phone("+79120001122"), Identity.email(email)),
                clock.instant()).orElseThrow();

        assertThat(resolved).isEqualTo(survivor);
        awaitEntered(bigCarts, survivor);
        assertThat(segments.members(workspace, bigCarts, null, 10)).containsExactly(survivor);
        assertThat(segments.contains(workspace, bigCarts, merged)).as("asked by the old id, the survivor answers").isTrue();
        assertThat(jdbc.sql("select count(*) from segment_member where customer_id = ?").param(merged.value())
                .query(Long.class).single()).isZero();
    }

    @Test
    void anErasedCustomerIsNoLongerAMemberAndLeavesAtTheNextPass(@Autowired PeriodicSegmentEvaluation pass) {
        var anna = history.customer("Анна");
        history.cart(anna, "5000", Duration.ofMinutes(5));
        activity(anna);
        awaitEntered(bigCarts, anna);

        history.erase(anna);

        assertThat(segments.contains(workspace, bigCarts, anna)).isFalse();
        assertThat(segments.get(workspace, bigCarts).members()).isZero();
        assertThat(pass.pass(workspace)).isTrue();
        assertThat(log.left(bigCarts, anna)).hasSize(1);
        assertThat(pass.pass(workspace)).isTrue();
        assertThat(log.entered(bigCarts, anna)).as("never comes back").hasSize(1);
    }
}
