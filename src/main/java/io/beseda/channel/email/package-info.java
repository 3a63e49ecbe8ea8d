/**
 * E-mail: replies and notices go out over the shop's SMTP server (text and safe HTML, inline photos, a
 * Message-ID Beseda keeps, one-click unsubscribe on marketing); a reader per account watches its IMAP folder
 * (IDLE, else polling), takes customers' mails in threaded by the Message-IDs Beseda sent, and turns bounces
 * into failed messages and suppressed addresses.
 */
@NullMarked
package io.beseda.channel.email;

import org.jspecify.annotations.NullMarked;
