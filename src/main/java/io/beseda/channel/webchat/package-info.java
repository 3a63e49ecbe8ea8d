/**
 * Beseda's own web chat: the widget script shops paste into their pages, its WebSocket transport, photo
 * uploads, the connector that pushes replies to open widgets, the console settings page and the demo shop.
 */
@NullMarked
package io.beseda.channel.webchat;

import org.jspecify.annotations.NullMarked;
