package io.beseda.conversation;

/**
 * How a team's waiting chats are handed out: to the online member assigned least recently
 * ({@code ROUND_ROBIN}), to the one with the fewest open chats ({@code LEAST_BUSY}), or not at all —
 * operators take them from the queue themselves ({@code MANUAL}).
 */
public enum AssignmentMode {
    ROUND_ROBIN, LEAST_BUSY, MANUAL
}
