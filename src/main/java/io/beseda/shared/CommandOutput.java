package io.beseda.shared;

import java.io.PrintStream;

/**
 * Where an operational command prints its result. When Beseda runs a command, logs go to stderr and
 * only the result reaches stdout, so {@code KEY=$(./beseda api-key create demo crm)} captures just the key.
 */
public record CommandOutput(PrintStream out) {
}
