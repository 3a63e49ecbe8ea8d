package io.beseda.bot.nlu;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.beseda.bot.Intent;

/** Reads labelled utterances: UTF-8, one a line, text and intent id separated by a tab, no header. */
public final class TsvExamples {

    /** A line that is not "text, tab, known intent id". */
    public static final class BadLine extends RuntimeException {
        BadLine(String source, int line, String why) {
            super(source + ":" + line + ": " + why);
        }
    }

    private TsvExamples() {
    }

    public static List<Evaluation.Labelled> read(BufferedReader reader, String source) throws IOException {
        var labelled = new ArrayList<Evaluation.Labelled>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            var columns = line.split("\t", -1);
            if (columns.length != 2) {
                throw new BadLine(source, number, "expected two tab-separated columns (text, intent id), found " + columns.length);
            }
            final var id = columns[1];
            final int at = number;
            var intent = Intent.of(id).orElseThrow(() -> new BadLine(source, at, "unknown intent id '" + id.strip() + "'"));
            labelled.add(new Evaluation.Labelled(columns[0], intent));
        }
        return labelled;
    }
}
