package io.beseda.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.beseda.testing.BesedaTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@BesedaTest
class GroupCommitTests {

    private static final AtomicInteger keys = new AtomicInteger();
    /** One key, so every unit of a test goes to the same writer. */
    private static final String WRITER = "group-commit-tests";

    @Autowired
    GroupCommit groupCommit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void table() {
        jdbc.sql("create table if not exists group_commit_probe (id int primary key, txid bigint not null)").update();
    }

    @Test
    void unitsQueuedTogetherShareOneTransactionAndEachCallerGetsItsOwnResult() throws Exception {
        var results = whileTheWriterIsBusy(10, key -> insert(key));

        var txids = new ArrayList<Long>();
        for (int i = 0; i < results.size(); i++) {
            var key = results.get(i).get(10, TimeUnit.SECONDS);
            txids.add(txidOf(key));
        }
        assertThat(txids).hasSize(10).containsOnly(txids.getFirst());
    }

    @Test
    void aFailingUnitFailsAloneAndTheOthersStillCommit() throws Exception {
        var results = whileTheWriterIsBusy(6, key -> {
            insert(key);
            if (key % 6 == 3) {
                throw new IllegalArgumentException("unit " + key + " refuses");
            }
            return key;
        });

        int failed = 0;
        for (var result : results) {
            try {
                var key = result.get(10, TimeUnit.SECONDS);
                assertThat(txidOf(key)).isNotNull();
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refuses");
                failed++;
            }
        }
        assertThat(failed).isEqualTo(1);
        var refused = jdbc.sql("select count(*) from group_commit_probe where id % 6 = 3 and id > ?").param(keys.get() - 6)
                .query(Integer.class).single();
        assertThat(refused).isZero();
    }

    @Test
    void aCallerInsideATransactionJoinsIt() {
        var key = keys.incrementAndGet();
        var outer = transactions.execute(status -> {
            groupCommit.run(() -> insert(key));
            return jdbc.sql("select txid_current()").query(Long.class).single();
        });
        assertThat(txidOf(key)).isEqualTo(outer);
    }

    @Test
    void theCallersExceptionIsTheUnitsOwn() {
        assertThatThrownBy(() -> groupCommit.run(() -> {
            throw new IllegalStateException("nope");
        })).isInstanceOf(IllegalStateException.class).hasMessage("nope");
    }

    @Test
    void unitsWithOneKeyCommitInTheOrderTheyCame() throws Exception {
        var first = keys.get() + 1;
        var results = whileTheWriterIsBusy(8, key -> insert(key));
        for (var result : results) {
            result.get(10, TimeUnit.SECONDS);
        }
        var order = jdbc.sql("select id from group_commit_probe where id >= ? order by ctid").param(first)
                .query(Integer.class).list();
        assertThat(order).isSorted().hasSize(8);
    }

    @Test
    void visitorsAreSpreadOverAllTheWriters() {
        var workspace = new io.beseda.workspace.WorkspaceId(java.util.UUID.randomUUID());
        var writers = java.util.stream.IntStream.range(0, 200)
                .mapToObj(i -> List.of(workspace, io.beseda.customer.Identity.of(io.beseda.customer.IdentityKind.VISITOR, "v-" + java.util.UUID.randomUUID())))
                .map(groupCommit::writerFor).collect(java.util.stream.Collectors.toSet());
        assertThat(writers).hasSize(4);
    }

    /** Holds the writer in a unit of its own while {@code count} callers queue up, then lets it go. */
    private List<CompletableFuture<Integer>> whileTheWriterIsBusy(int count, java.util.function.IntFunction<Integer> unit)
            throws InterruptedException {
        var busy = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            var blocker = CompletableFuture.runAsync(() -> groupCommit.run(WRITER, () -> {
                busy.countDown();
                hold(release);
                return 0;
            }), callers);
            assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
            var results = new ArrayList<CompletableFuture<Integer>>();
            int first = keys.get() + 1;
            keys.addAndGet(count);
            for (int i = 0; i < count; i++) {
                int key = first + i;
                results.add(CompletableFuture.supplyAsync(() -> groupCommit.run(WRITER, () -> unit.apply(key)), callers));
                int queued = i + 1; // one at a time, so the queue's order is the keys' order
                await().atMost(java.time.Duration.ofSeconds(10)).until(() -> groupCommit.queued() == queued);
            }
            release.countDown();
            blocker.join();
            return results;
        }
    }

    private int insert(int key) {
        jdbc.sql("insert into group_commit_probe (id, txid) values (?, txid_current())").param(key).update();
        return key;
    }

    private Long txidOf(int key) {
        return jdbc.sql("select txid from group_commit_probe where id = ?").param(key).query(Long.class).single();
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
