package io.beseda.bot.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.beseda.bot.Intent;

/**
 * The shipped model against the Russian test set in the repo ({@code nlu/ru-retail-test.tsv}), written
 * separately from the training examples: the issue's quality targets hold. Timing is reported by
 * {@code ./beseda nlu-eval}, never asserted here.
 */
class IntentModelTests {

    static IntentModel model;

    @BeforeAll
    static void train() {
        model = IntentModel.train(ShippedExamples.all());
    }

    static List<Evaluation.Labelled> read(String file) throws IOException {
        try (var reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            return TsvExamples.read(reader, file);
        }
    }

    @Test
    void the_test_set_is_read_as_well_as_the_issue_asks() throws IOException {
        var result = Evaluation.score(model, IntentModels.DEFAULT_THRESHOLD, read("nlu/ru-retail-test.tsv"));
        result.print(System.out);
        assertThat(result.total()).isGreaterThanOrEqualTo(400);
        assertThat(result.accuracy()).isGreaterThanOrEqualTo(0.92);
        assertThat(result.macroF1()).isGreaterThanOrEqualTo(0.90);
    }

    /** Short lines («привет», «где мой заказ») are bound to be in both sets; the score holds without them too. */
    @Test
    void the_test_set_is_read_as_well_without_the_lines_that_are_also_training_examples() throws IOException {
        var trained = ShippedExamples.all().stream().map(e -> normal(e.text())).collect(java.util.stream.Collectors.toSet());
        var unseen = read("nlu/ru-retail-test.tsv").stream().filter(l -> !trained.contains(normal(l.text()))).toList();
        var result = Evaluation.score(model, IntentModels.DEFAULT_THRESHOLD, unseen);
        System.out.printf("unseen=%d accuracy=%.4f macro_f1=%.4f%n", unseen.size(), result.accuracy(), result.macroF1());
        assertThat(unseen.size()).isGreaterThanOrEqualTo(300);
        assertThat(result.accuracy()).isGreaterThanOrEqualTo(0.92);
        assertThat(result.macroF1()).isGreaterThanOrEqualTo(0.90);
    }

    private static String normal(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replace('ё', 'е').replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    @Test
    void the_dev_set_the_features_were_chosen_on_is_read_as_well() throws IOException {
        var result = Evaluation.score(model, IntentModels.DEFAULT_THRESHOLD, read("nlu/ru-retail-dev.tsv"));
        System.out.printf("dev=%d accuracy=%.4f macro_f1=%.4f%n", result.total(), result.accuracy(), result.macroF1());
        assertThat(result.accuracy()).isGreaterThanOrEqualTo(0.92);
        assertThat(result.macroF1()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void an_order_question_with_a_number_is_an_order_status_question_and_carries_the_number() {
        var reading = model.read("где мой заказ 10023", IntentModels.DEFAULT_THRESHOLD);
        assertThat(reading.intent()).isEqualTo(Intent.ORDER_STATUS);
        assertThat(reading.entities().orderNumber()).isEqualTo("10023");
    }

    @Test
    void nothing_to_read_is_no_intent() {
        assertThat(model.read("", IntentModels.DEFAULT_THRESHOLD).intent()).isNull();
        assertThat(model.read("   ", IntentModels.DEFAULT_THRESHOLD).intent()).isNull();
    }

    @Test
    void a_very_long_message_is_read_quickly_by_its_beginning() {
        var reading = model.read("хочу вернуть куртку, порвался шов. " + "очень ".repeat(2000), IntentModels.DEFAULT_THRESHOLD);
        assertThat(reading.intent()).isEqualTo(Intent.RETURNS);
    }
}
