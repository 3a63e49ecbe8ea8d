package io.beseda.bot.nlu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.beseda.bot.Intent;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * A workspace's intent classifier: OpenNLP's maximum-entropy document categorizer (L-BFGS with an L2
 * penalty, so a thousand examples do not overfit) trained on {@link Features}. The penalty (0.2) and the
 * features were chosen on {@code nlu/ru-retail-dev.tsv}, never on the test set. Immutable once trained;
 * classifying is thread-safe (each call takes its own categorizer over the shared model).
 */
public final class IntentModel {

    /** One training example. */
    public record Example(String text, Intent intent) {
    }

    /** An intent and how sure the model is of it (0..1). */
    public record Scored(Intent intent, double confidence) {
    }

    /**
     * What a message was read as: the intent when the model is at least {@code threshold} sure, else none;
     * the ranking either way (for the console's test chat and the hand-off note), and the entities.
     */
    public record Reading(@Nullable Intent intent, List<Scored> ranking, Entities entities) {

        public Scored best() {
            return ranking.getFirst();
        }
    }

    private final DoccatModel model;
    private final int examples;

    private IntentModel(DoccatModel model, int examples) {
        this.model = model;
        this.examples = examples;
    }

    public static IntentModel train(List<Example> examples) {
        var samples = new ArrayList<DocumentSample>(examples.size());
        for (var example : examples) {
            samples.add(new DocumentSample(example.intent().id(), Features.of(example.text(), Entities.of(example.text()))));
        }
        var parameters = new TrainingParameters();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT_QN");
        parameters.put("L2Cost", 0.2);
        parameters.put("L1Cost", 0.0);
        parameters.put(TrainingParameters.ITERATIONS_PARAM, 250);
        parameters.put(TrainingParameters.CUTOFF_PARAM, 1);
        try {
            var model = DocumentCategorizerME.train("ru", ObjectStreamUtils.createObjectStream(samples), parameters,
                    new DoccatFactory(new FeatureGenerator[] {new BagOfWordsFeatureGenerator()}));
            return new IntentModel(model, examples.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int examples() {
        return examples;
    }

    public Reading read(String text, double threshold) {
        var entities = Entities.of(text);
        var features = Features.of(text, entities);
        var categorizer = new DocumentCategorizerME(model);
        var ranking = new ArrayList<Scored>();
        if (features.length <= 2) {
            // nothing but the length and the end marker: no words to go by
            for (var intent : Intent.values()) {
                ranking.add(new Scored(intent, 0));
            }
            return new Reading(null, List.copyOf(ranking), entities);
        }
        var outcomes = categorizer.categorize(features);
        for (int i = 0; i < outcomes.length; i++) {
            var intent = Intent.of(categorizer.getCategory(i));
            if (intent.isPresent()) {
                ranking.add(new Scored(intent.get(), outcomes[i]));
            }
        }
        ranking.sort(Comparator.comparingDouble(Scored::confidence).reversed());
        var best = ranking.getFirst();
        return new Reading(best.confidence() >= threshold ? best.intent() : null, List.copyOf(ranking), entities);
    }
}
