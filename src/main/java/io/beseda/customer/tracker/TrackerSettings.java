package io.beseda.customer.tracker;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the public tracker endpoint.
 *
 * @param requestsPerMinute batches one address may post per token and minute (BESEDA_TRACKER_REQUESTS_PER_MINUTE)
 */
@ConfigurationProperties("beseda.tracker")
record TrackerSettings(@DefaultValue("120") int requestsPerMinute) {

    /** A batch body may be at most this many bytes. */
    static final int MAX_BODY_BYTES = 256 * 1024;

    /** A batch may hold at most this many events. */
    static final int MAX_EVENTS = 100;
}
