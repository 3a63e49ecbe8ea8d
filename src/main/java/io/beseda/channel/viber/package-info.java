/**
 * Viber bots (REST Bot API): sending text, photos, files and keyboards, the signed webhook for what
 * customers write and what happens to our messages, and the bot's limits and subscriptions.
 */
@NullMarked
package io.beseda.channel.viber;

import org.jspecify.annotations.NullMarked;
