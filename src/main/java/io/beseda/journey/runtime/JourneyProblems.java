package io.beseda.journey.runtime;

import java.util.List;

/** The journey cannot launch as it is; the problems say why, in Russian, one per line. */
public class JourneyProblems extends RuntimeException {

    private final List<String> problems;

    public JourneyProblems(List<String> problems) {
        super(String.join(" ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
