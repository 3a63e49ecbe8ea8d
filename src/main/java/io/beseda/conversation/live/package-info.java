/**
 * Live updates for the console: committed conversation, message-status and typing events travel as small
 * JSON notifications through PostgreSQL LISTEN/NOTIFY, so every app node hears every event, and each node
 * streams them to its own signed-in operators over server-sent events ({@code /inbox/events}).
 */
@NullMarked
package io.beseda.conversation.live;

import org.jspecify.annotations.NullMarked;
