/**
 * The chat load driver: simulated web-chat visitors over WebSocket and operators on the inbox's SSE
 * stream, against a Beseda started in the same JVM on a fresh embedded PostgreSQL.
 */
@NullMarked
package io.beseda.bench.chat;

import org.jspecify.annotations.NullMarked;
