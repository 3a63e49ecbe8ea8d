/** The conversations REST API. */
@NullMarked
package io.beseda.conversation.web;

import org.jspecify.annotations.NullMarked;
