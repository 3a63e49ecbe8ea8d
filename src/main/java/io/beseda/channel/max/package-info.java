/**
 * MAX (VK's messenger): a bot talks to customers through MAX's Bot API (webhook subscriptions with a shared
 * secret, messages to a user id, uploads for photos, inline keyboards with callback buttons).
 */
@NullMarked
package io.beseda.channel.max;

import org.jspecify.annotations.NullMarked;
