/** The sandbox provider: messages land in the database instead of a phone, for demos and tests. */
@NullMarked
package io.beseda.channel.sandbox;

import org.jspecify.annotations.NullMarked;
