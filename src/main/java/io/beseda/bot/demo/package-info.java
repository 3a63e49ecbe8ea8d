/** The demo shop's bot: switched on, with a knowledge base of the questions shops get most. */
@NullMarked
package io.beseda.bot.demo;

import org.jspecify.annotations.NullMarked;
