/**
 * The segment rule language: rules stored as JSON, parsed and validated without Spring into
 * {@link io.beseda.customer.segment.rule.Rule}, and compiled into a parameterised SQL predicate over
 * {@code customer c}. User values are always bound as parameters, never written into the SQL.
 */
@NullMarked
package io.beseda.customer.segment.rule;

import org.jspecify.annotations.NullMarked;
