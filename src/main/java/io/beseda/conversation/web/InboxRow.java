package io.beseda.conversation.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.beseda.consent.Channel;
import io.beseda.conversation.ConversationStatus;
import io.beseda.conversation.Priority;
import io.beseda.customer.CustomerId;

/**
 * One line of the inbox list, in words already.
 *
 * @param who     the customer's name, or the address they wrote from
 * @param preview the last thing said to or by the customer, plain and cut short
 * @param unread  the customer's messages after the viewer's read marker
 * @param rank    sorts rows as the list does (ascending), so a row that arrives live lands where a reload puts it
 */
record InboxRow(UUID id, CustomerId customer, @Nullable String who, Channel channel, ConversationStatus status,
                @Nullable String preview, boolean lastFromCustomer, Instant lastMessageAt, long unread, Priority priority,
                List<String> labels, @Nullable String assignee, @Nullable String team, SlaFlag sla, String rank) {
}
