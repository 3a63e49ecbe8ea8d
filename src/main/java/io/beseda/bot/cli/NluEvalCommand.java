package io.beseda.bot.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.beseda.bot.BotSettings;
import io.beseda.bot.IntentExamples;
import io.beseda.bot.nlu.Evaluation;
import io.beseda.bot.nlu.IntentModels;
import io.beseda.bot.nlu.ShippedExamples;
import io.beseda.bot.nlu.TsvExamples;
import io.beseda.shared.CommandOutput;
import io.beseda.workspace.Workspaces;

/**
 * {@code nlu-eval FILE.tsv [--workspace=slug]}: scores the workspace's intent model (the demo shop's unless
 * told otherwise: the shipped set plus the shop's own examples, at the shop's confidence threshold) on a
 * labelled file, and prints a table per intent, the classification time and, last,
 * {@code accuracy=… macro_f1=…}. The model is trained before the file is read and never sees it; lines that
 * repeat a training example word for word are counted and reported, since they flatter the score.
 */
@Component
@Profile("cli")
@Order(10)
class NluEvalCommand implements ApplicationRunner, ExitCodeGenerator {

    static final String USAGE = "Usage: ./beseda nlu-eval FILE.tsv [--workspace=<slug>]   (UTF-8; text<TAB>intent id per line, no header)";

    private final Workspaces workspaces;
    private final IntentModels models;
    private final BotSettings settings;
    private final IntentExamples examples;
    private final PrintStream out;
    private int exitCode;

    NluEvalCommand(Workspaces workspaces, IntentModels models, BotSettings settings, IntentExamples examples, CommandOutput output) {
        this.workspaces = workspaces;
        this.models = models;
        this.settings = settings;
        this.examples = examples;
        this.out = output.out();
    }

    @Override
    public void run(ApplicationArguments args) {
        var words = args.getNonOptionArgs();
        if (words.isEmpty() || !words.getFirst().equals("nlu-eval")) {
            return;
        }
        var slugs = args.getOptionValues("workspace");
        exitCode = execute(words.subList(1, words.size()), slugs == null || slugs.isEmpty() ? "demo" : slugs.getFirst());
    }

    int execute(List<String> files, String slug) {
        if (files.size() != 1) {
            System.err.println(USAGE);
            return 2;
        }
        var workspace = workspaces.findBySlug(slug);
        if (workspace.isEmpty()) {
            System.err.println("No workspace with slug '" + slug + "'. The demo workspace exists when Beseda runs with its embedded database"
                    + " (or BESEDA_DEMO_ENABLED=true).");
            return 1;
        }
        var ws = workspace.get().id();
        var model = models.of(ws);
        List<Evaluation.Labelled> labelled;
        var file = Path.of(files.getFirst());
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            labelled = TsvExamples.read(reader, file.toString());
        } catch (NoSuchFileException e) {
            System.err.println("No such file: " + file);
            return 1;
        } catch (MalformedInputException e) {
            System.err.println(file + " is not UTF-8 text.");
            return 1;
        } catch (IOException e) {
            System.err.println("Cannot read " + file + ": " + e.getMessage());
            return 1;
        } catch (TsvExamples.BadLine e) {
            System.err.println(e.getMessage());
            return 1;
        }
        if (labelled.isEmpty()) {
            System.err.println(file + " has no utterances.");
            return 1;
        }
        var threshold = settings.of(ws).confidenceThreshold();
        var trained = new HashSet<String>();
        ShippedExamples.all().forEach(e -> trained.add(normal(e.text())));
        examples.list(ws).forEach(e -> trained.add(normal(e.text())));
        var unseen = labelled.stream().filter(l -> !trained.contains(normal(l.text()))).toList();
        out.printf(Locale.ROOT, "workspace=%s training_examples=%d threshold=%.2f utterances_also_in_training=%d%n", slug, model.examples(),
                threshold, labelled.size() - unseen.size());
        if (unseen.size() < labelled.size() && !unseen.isEmpty()) {
            var fresh = Evaluation.score(model, threshold, unseen);
            out.printf(Locale.ROOT, "on the %d utterances not among the training examples: accuracy=%.4f macro_f1=%.4f%n", unseen.size(),
                    fresh.accuracy(), fresh.macroF1());
        }
        Evaluation.score(model, threshold, labelled).print(out);
        return 0;
    }

    private static String normal(String text) {
        return text.toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
