/**
 * Conversations: one thread per customer across channels, fed by what customers write and what
 * operators (and later the bot) answer. The inbox, assignment and SLAs build on this.
 */
@NullMarked
package io.beseda.conversation;

import org.jspecify.annotations.NullMarked;
