/** The outbound dispatcher: claims due messages, asks the send policy, sends, retries, gives up. */
@NullMarked
package io.beseda.channel.dispatch;

import org.jspecify.annotations.NullMarked;
