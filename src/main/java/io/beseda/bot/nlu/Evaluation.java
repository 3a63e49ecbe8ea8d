package io.beseda.bot.nlu;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.beseda.bot.Intent;

/**
 * Scores a model on labelled utterances: precision, recall and F1 per intent, accuracy, macro-F1 (the mean
 * of the intents' F1, so a rare intent counts as much as a common one) and classification time. An
 * utterance the model is not confident about counts as wrong: the bot would not have answered it.
 */
public final class Evaluation {

    public record Labelled(String text, Intent intent) {
    }

    public record PerIntent(Intent intent, int support, int truePositives, int predicted) {

        public double precision() {
            return predicted == 0 ? 0 : (double) truePositives / predicted;
        }

        public double recall() {
            return support == 0 ? 0 : (double) truePositives / support;
        }

        public double f1() {
            var p = precision();
            var r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /** A wrong reading, for tuning by hand. */
    public record Miss(String text, Intent expected, @Nullable Intent got, double confidence) {
    }

    public record Result(List<PerIntent> intents, int total, int correct, long p50Nanos, long p99Nanos, List<Miss> misses) {

        public double accuracy() {
            return total == 0 ? 0 : (double) correct / total;
        }

        public double macroF1() {
            var scored = intents.stream().filter(i -> i.support() > 0).toList();
            return scored.isEmpty() ? 0 : scored.stream().mapToDouble(PerIntent::f1).sum() / scored.size();
        }

        public void print(PrintStream out) {
            out.printf(Locale.ROOT, "%-16s %9s %9s %9s %8s%n", "intent", "precision", "recall", "f1", "support");
            for (var i : intents) {
                out.printf(Locale.ROOT, "%-16s %9.3f %9.3f %9.3f %8d%n", i.intent().id(), i.precision(), i.recall(), i.f1(), i.support());
            }
            out.printf(Locale.ROOT, "utterances=%d classification_p50_ms=%.3f classification_p99_ms=%.3f%n", total,
                    p50Nanos / 1e6, p99Nanos / 1e6);
            out.printf(Locale.ROOT, "accuracy=%.4f macro_f1=%.4f%n", accuracy(), macroF1());
        }
    }

    private Evaluation() {
    }

    public static Result score(IntentModel model, double threshold, List<Labelled> utterances) {
        var support = new EnumMap<Intent, Integer>(Intent.class);
        var predicted = new EnumMap<Intent, Integer>(Intent.class);
        var hits = new EnumMap<Intent, Integer>(Intent.class);
        var misses = new ArrayList<Miss>();
        // warm up the JIT (a thousand readings at least) so the timings say what a running bot spends, not what
        // the first calls cost
        for (int i = 0; i < Math.max(1000, utterances.size()); i++) {
            model.read(utterances.get(i % utterances.size()).text(), threshold);
        }
        var nanos = new long[utterances.size()];
        int correct = 0;
        for (int n = 0; n < utterances.size(); n++) {
            var utterance = utterances.get(n);
            long start = System.nanoTime();
            var reading = model.read(utterance.text(), threshold);
            nanos[n] = System.nanoTime() - start;
            support.merge(utterance.intent(), 1, Integer::sum);
            if (reading.intent() != null) {
                predicted.merge(reading.intent(), 1, Integer::sum);
            }
            if (reading.intent() == utterance.intent()) {
                correct++;
                hits.merge(utterance.intent(), 1, Integer::sum);
            } else {
                misses.add(new Miss(utterance.text(), utterance.intent(), reading.intent(), reading.best().confidence()));
            }
        }
        Arrays.sort(nanos);
        var intents = Arrays.stream(Intent.values())
                .map(i -> new PerIntent(i, support.getOrDefault(i, 0), hits.getOrDefault(i, 0), predicted.getOrDefault(i, 0)))
                .toList();
        return new Result(intents, utterances.size(), correct, percentile(nanos, 0.50), percentile(nanos, 0.99), List.copyOf(misses));
    }

    private static long percentile(long[] sorted, double share) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(share * sorted.length) - 1)];
    }
}
