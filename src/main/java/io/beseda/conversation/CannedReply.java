package io.beseda.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * A script operators paste into the composer by its shortcut. The body is a Liquid template with
 * {@code {{ customer.first_name }}}, {@code {{ customer.name }}}, {@code {{ order.number }}} and
 * {@code {{ operator.name }}}.
 */
public record CannedReply(UUID id, String shortcut, String title, String body, Instant updatedAt) {
}
