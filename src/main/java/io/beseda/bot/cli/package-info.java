/** {@code ./beseda nlu-eval FILE.tsv}: how well the demo workspace's bot reads a labelled set. */
@NullMarked
package io.beseda.bot.cli;

import org.jspecify.annotations.NullMarked;
