package io.beseda.journey.template;

/**
 * A template that cannot be used or filled in, said in Russian for the marketer, with the line where it went
 * wrong («Текст, строка 3: …»).
 */
public class TemplateProblem extends RuntimeException {

    private final int line;

    TemplateProblem(String message, int line) {
        super(message);
        this.line = line;
    }

    /** The line of the template (from 1), or 0 when the problem is not on one line. */
    public int line() {
        return line;
    }
}
