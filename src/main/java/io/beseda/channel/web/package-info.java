/** The channel module's REST API and console pages (the sandbox phone). */
@NullMarked
package io.beseda.channel.web;

import org.jspecify.annotations.NullMarked;
