package io.beseda.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OperatorPickTests {

    private final UUID anna = new UUID(0, 1);
    private final UUID boris = new UUID(0, 2);

    @Test
    void roundRobinTakesWhoeverWasAssignedLeastRecentlyAndNeverSomeoneFull() {
        var candidates = List.of(new OperatorPick.Candidate(anna, 5, 0, Instant.parse("2025-03-03T10:00:00Z")),
                new OperatorPick.Candidate(boris, 5, 4, Instant.parse("2025-03-03T09:00:00Z")));
        assertThat(OperatorPick.pick(AssignmentMode.ROUND_ROBIN, candidates)).get().extracting(OperatorPick.Candidate::userId).isEqualTo(boris);

        var borisFull = List.of(candidates.get(0), new OperatorPick.Candidate(boris, 4, 4, null));
        assertThat(OperatorPick.pick(AssignmentMode.ROUND_ROBIN, borisFull)).get().extracting(OperatorPick.Candidate::userId).isEqualTo(anna);
    }

    @Test
    void leastBusyTakesFewestOpenChatsThenLeastRecentlyAssigned() {
        var candidates = List.of(new OperatorPick.Candidate(anna, 5, 1, Instant.parse("2025-03-03T10:00:00Z")),
                new OperatorPick.Candidate(boris, 5, 3, null));
        assertThat(OperatorPick.pick(AssignmentMode.LEAST_BUSY, candidates)).get().extracting(OperatorPick.Candidate::userId).isEqualTo(anna);
        assertThat(OperatorPick.pick(AssignmentMode.MANUAL, candidates)).isEmpty();
        assertThat(OperatorPick.pick(AssignmentMode.LEAST_BUSY, List.of(new OperatorPick.Candidate(anna, 0, 0, null)))).isEmpty();
    }
}
