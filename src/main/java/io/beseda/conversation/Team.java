package io.beseda.conversation;

import java.util.List;
import java.util.UUID;

/**
 * Operators who serve some inboxes together, how their chats are handed out, and how fast they answer.
 *
 * @param firstResponseMinutes the SLA target for the first answer, in the inbox's business minutes
 * @param nextResponseMinutes  the SLA target for every later answer
 * @param members              the users in the team
 */
public record Team(UUID id, String name, AssignmentMode assignment, int firstResponseMinutes, int nextResponseMinutes,
                   List<UUID> members) {

    public static final int DEFAULT_RESPONSE_MINUTES = 30;

    public Team {
        members = List.copyOf(members);
    }
}
