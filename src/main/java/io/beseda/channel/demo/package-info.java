/** Sandbox accounts for the demo shop, so every channel can be tried without a provider. */
@NullMarked
package io.beseda.channel.demo;

import org.jspecify.annotations.NullMarked;
