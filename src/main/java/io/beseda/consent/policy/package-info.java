/**
 * The send policy's rules as a plain engine: no Spring, no database. It decides from a snapshot of what
 * is known about the customer and the workspace, so every rule and their order can be unit-tested with
 * a fixed clock, and so it stays fast enough to sit in front of every outgoing message.
 */
@NullMarked
package io.beseda.consent.policy;

import org.jspecify.annotations.NullMarked;
