/**
 * Reading what a customer wrote: features from Lucene's Russian analysis, OpenNLP's maximum-entropy
 * classifier trained per workspace, entities (order numbers, phones, prices, sizes, cities).
 */
@NullMarked
package io.beseda.bot.nlu;

import org.jspecify.annotations.NullMarked;
