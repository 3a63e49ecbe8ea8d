package io.beseda.conversation;

/** What an admin sets on a team. Response targets are 1 minute to 7 days. */
public record TeamSettings(String name, AssignmentMode assignment, int firstResponseMinutes, int nextResponseMinutes) {

    public static final int MAX_RESPONSE_MINUTES = 7 * 24 * 60;

    public TeamSettings {
        name = name.strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new IllegalArgumentException("A team's name is 1 to 100 characters");
        }
        if (firstResponseMinutes < 1 || firstResponseMinutes > MAX_RESPONSE_MINUTES
                || nextResponseMinutes < 1 || nextResponseMinutes > MAX_RESPONSE_MINUTES) {
            throw new IllegalArgumentException("Response targets are 1 to " + MAX_RESPONSE_MINUTES + " minutes");
        }
    }
}
