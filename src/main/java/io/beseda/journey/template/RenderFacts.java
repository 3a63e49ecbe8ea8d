package io.beseda.journey.template;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.beseda.consent.Channel;
import io.beseda.customer.CustomerId;
import io.beseda.workspace.WorkspaceId;

/**
 * Whom a message is for and where in a journey it is sent from.
 *
 * @param runId   the customer's run through the journey: cart links name it, so a click counts for the step
 * @param coupon  the coupon the run has issued, if any
 * @param orderId the order the run is about (order-status journeys); null means the customer's latest order
 */
public record RenderFacts(WorkspaceId workspace, CustomerId customer, UUID runId, String stepId, Channel channel,
                          @Nullable Coupon coupon, @Nullable String orderId) {
}
