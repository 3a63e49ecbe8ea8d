/**
 * Journeys: scenarios a marketer designs (abandoned cart, order status) that enter customers on a storefront
 * event, a segment or an API call, and lead each one through sends with channel failover, waits, branches,
 * A/B splits, coupons and webhooks until they reach the goal or the end. Every send goes through the channel
 * module's outbox and so through the send policy; waits are durable db-scheduler timers.
 */
@NullMarked
package io.beseda.journey;

import org.jspecify.annotations.NullMarked;
