package io.beseda.customer;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.WorkspaceId;

import static org.assertj.core.api.Assertions.assertThat;

@BesedaTest
class IdentityResolutionTests {

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Customers customers;

    @Autowired
    CustomerHistory history;

    /** Each profile is seen a minute after the previous one: "the oldest survives a merge" needs an order. */
    private Instant now = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void theSameIdentityFindsTheSameProfile() {
        var ws = workspace();

        var first = resolve(ws, Identity.phone("8 (916) 123-45-67"));
        var second = resolve(ws, Identity.phone("+7 916 1234567"));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void aPhoneSeenAtCheckoutAndATelegramIdSeenInChatEndUpOnOneProfile() {
        var ws = workspace();
        var shopper = resolve(ws, Identity.of(IdentityKind.VISITOR, "visitor-1"), Identity.phone("+79261112233"));
        var chatter = resolve(ws, Identity.of(IdentityKind.TELEGRAM, "555000111"));
        assertThat(chatter).isNotEqualTo(shopper);

        // In chat the customer shares their phone: the two profiles are one person.
        var joined = resolve(ws, Identity.of(IdentityKind.TELEGRAM, "555000111"), Identity.phone("8 926 111-22-33"));

        assertThat(joined).isEqualTo(shopper);
        assertThat(customers.get(ws, chatter).id()).as("the merged id still leads to the survivor").isEqualTo(shopper);
        assertThat(customers.identities(ws, shopper)).extracting(Identity::toString)
                .containsExactlyInAnyOrder("PHONE:+79261112233", "TELEGRAM:555000111", "VISITOR:visitor-1");
        assertThat(customers.merges(ws, shopper)).singleElement()
                .satisfies(m -> assertThat(m.merged()).isEqualTo(chatter));
    }

    @Test
    void aChainOfThreeProfilesMergesIntoTheOldestWithAllTheirHistory() {
        var ws = workspace();
        var a = resolve(ws, Identity.email("a@shop.example"));
        var b = resolve(ws, Identity.phone("+79031234567"));
        var c = resolve(ws, Identity.of(IdentityKind.VK, "id42"));
        customersWithHistory(ws, a, b, c);

        var ab = resolve(ws, Identity.email("A@shop.example"), Identity.phone("89031234567"));
        var abc = resolve(ws, Identity.phone("+79031234567"), Identity.of(IdentityKind.VK, "id42"));

        assertThat(ab).isEqualTo(a);
        assertThat(abc).isEqualTo(a);
        for (var old : List.of(b, c)) {
            assertThat(customers.get(ws, old).id()).isEqualTo(a);
        }
        assertThat(history.timeline(ws, a, null, 10)).extracting(CustomerHistory.TimelineEntry::eventId)
                .containsExactlyInAnyOrder("e-" + a, "e-" + b, "e-" + c);
        assertThat(history.orders(ws, a)).extracting(CustomerHistory.Order::orderId)
                .containsExactlyInAnyOrder("o-" + b, "o-" + c);
        assertThat(customers.merges(ws, a)).extracting(Customers.Merge::merged).containsExactlyInAnyOrder(b, c);
        var survivor = customers.get(ws, a);
        assertThat(survivor.email()).isEqualTo("a@shop.example");
        assertThat(survivor.phone()).isEqualTo("+79031234567");
    }

    @Test
    void anUnparseablePhoneIsKeptAndFlaggedOnTheProfile() {
        var ws = workspace();

        var id = resolve(ws, Identity.phone("звоните вечером"));

        var customer = customers.get(ws, id);
        assertThat(customer.phone()).isEqualTo("звоните вечером");
        assertThat(customer.phoneValid()).isFalse();
    }

    @Test
    void identitiesOfOneWorkspaceNeverFindAnotherWorkspacesProfile() {
        var mine = workspace();
        var theirs = workspace();

        var a = resolve(mine, Identity.phone("+79990001122"));
        var b = resolve(theirs, Identity.phone("+79990001122"));

        assertThat(a).isNotEqualTo(b);
        assertThat(customers.find(mine, b)).isEmpty();
    }

    @Test
    void aReturningVisitorWhoseDataWasErasedIsNotRecognisedAgain() {
        var ws = workspace();
        var visitor = Identity.of(IdentityKind.VISITOR, "returning-1");
        var id = resolve(ws, visitor);
        assertThat(resolve(ws, visitor)).as("the known visitor takes the one-query path").isEqualTo(id);

        erasure.erase(ws, id);

        assertThat(customers.resolve(ws, List.of(visitor), now.plusSeconds(60))).isEmpty();
        assertThat(customers.resolve(ws, List.of(Identity.phone("+79995550000"), visitor), now.plusSeconds(120))).isEmpty();
    }

    @Test
    void anIdentityStillAttachedButListedAsErasedIsRefused() {
        var ws = workspace();
        var visitor = Identity.of(IdentityKind.VISITOR, "half-erased");
        resolve(ws, visitor);
        // As if an erasure and a resolution had crossed: the hash is there although the identity row survived.
        var hash = ErasedIdentities.hash(visitor);
        org.springframework.jdbc.core.simple.JdbcClient.create(dataSource)
                .sql("insert into erased_identity (workspace_id, kind, value_sha256) values (?, ?, ?)")
                .params(ws.value(), "VISITOR", hash.substring(hash.indexOf(':') + 1)).update();

        assertThat(customers.resolve(ws, List.of(visitor), now.plusSeconds(60))).isEmpty();
    }

    @Test
    void aReturningCustomersLastVisitIsRecordedAtMostOnceAMinute() {
        var ws = workspace();
        var visitor = Identity.of(IdentityKind.VISITOR, "chatty");
        var first = Instant.parse("2026-11-21T10:00:00Z");
        var id = customers.resolve(ws, List.of(visitor), first).orElseThrow();

        customers.resolve(ws, List.of(visitor), first.plusSeconds(30));
        assertThat(customers.get(ws, id).lastSeenAt()).isEqualTo(first);

        customers.resolve(ws, List.of(visitor), first.plusSeconds(61));
        assertThat(customers.get(ws, id).lastSeenAt()).isEqualTo(first.plusSeconds(61));
    }

    @Autowired
    CustomerErasure erasure;

    private void customersWithHistory(WorkspaceId ws, CustomerId a, CustomerId b, CustomerId c) {
        var jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(dataSource);
        for (var id : List.of(a, b, c)) {
            jdbc.sql("insert into storefront_event (workspace_id, event_id, customer_id, type, occurred_at) values (?, ?, ?, 'session_started', now())")
                    .params(ws.value(), "e-" + id, id.value()).update();
        }
        for (var id : List.of(b, c)) {
            jdbc.sql("insert into customer_order (workspace_id, order_id, customer_id, status, placed_at, updated_at) values (?, ?, ?, 'new', now(), now())")
                    .params(ws.value(), "o-" + id, id.value()).update();
        }
    }

    @Autowired
    javax.sql.DataSource dataSource;

    private WorkspaceId workspace() {
        return workspaces.create("Покупатели").workspace().id();
    }

    private CustomerId resolve(WorkspaceId ws, Identity... identities) {
        now = now.plusSeconds(60);
        return customers.resolve(ws, List.of(identities), now).orElseThrow();
    }
}
