/**
 * The storefront JS tracker: each workspace's public token and identity-signing secret, the public
 * endpoint the tracker posts batches to (CORS, size and rate limits, identity checks), its settings
 * page in the console and the demo shop page.
 */
@NullMarked
package io.beseda.customer.tracker;

import org.jspecify.annotations.NullMarked;
