package io.beseda.bot.nlu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The Russian retail examples Beseda ships ({@code bot/intents-ru.tsv}): every workspace's model starts from them. */
public final class ShippedExamples {

    private static final List<IntentModel.Example> EXAMPLES = load();

    private ShippedExamples() {
    }

    public static List<IntentModel.Example> all() {
        return EXAMPLES;
    }

    private static List<IntentModel.Example> load() {
        var in = ShippedExamples.class.getResourceAsStream("/bot/intents-ru.tsv");
        if (in == null) {
            throw new IllegalStateException("bot/intents-ru.tsv is missing from the classpath");
        }
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return List.copyOf(TsvExamples.read(reader, "bot/intents-ru.tsv").stream()
                    .map(l -> new IntentModel.Example(l.text(), l.intent())).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
