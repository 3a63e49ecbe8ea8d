package io.beseda.shared;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How {@link GroupCommit} shares transactions.
 *
 * @param writers  threads that write batches, each with its own queue: while one waits for the database,
 *                 another works (units with one key always share a writer)
 * @param maxBatch the most units of work one transaction takes
 * @param timeout  how long a caller waits for its batch before it is told the write did not finish
 */
@ConfigurationProperties("beseda.db.group-commit")
public record GroupCommitSettings(@Nullable Integer writers, @Nullable Integer maxBatch, @Nullable Duration timeout) {

    public GroupCommitSettings {
        writers = writers == null ? 4 : writers;
        maxBatch = maxBatch == null ? 64 : maxBatch;
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        if (writers < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("beseda.db.group-commit needs at least one writer and a batch of at least one");
        }
    }
}
