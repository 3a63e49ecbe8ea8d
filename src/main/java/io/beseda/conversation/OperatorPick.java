package io.beseda.conversation;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Which operator with room gets the next chat: a pure rule, so it is tested without a database. */
final class OperatorPick {

    /** An online team member with their capacity, open chats and when they last got one. */
    record Candidate(UUID userId, int capacity, int load, @Nullable Instant lastAssignedAt) {

        boolean hasRoom() {
            return load < capacity;
        }

        Candidate tookOne(Instant at) {
            return new Candidate(userId, capacity, load + 1, at);
        }
    }

    private static final Comparator<Candidate> LEAST_RECENTLY_ASSIGNED = Comparator
            .comparing(Candidate::lastAssignedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Candidate::userId);

    private OperatorPick() {
    }

    static Optional<Candidate> pick(AssignmentMode mode, List<Candidate> candidates) {
        var withRoom = candidates.stream().filter(Candidate::hasRoom);
        return switch (mode) {
            case ROUND_ROBIN -> withRoom.min(LEAST_RECENTLY_ASSIGNED);
            case LEAST_BUSY -> withRoom.min(Comparator.comparingInt(Candidate::load).thenComparing(LEAST_RECENTLY_ASSIGNED));
            case MANUAL -> Optional.empty();
        };
    }
}
