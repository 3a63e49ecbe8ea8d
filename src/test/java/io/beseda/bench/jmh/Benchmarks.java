package io.beseda.bench.jmh;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks and prints what they mean: {@code ./beseda bench policy}. Two threads, because the
 * machines Beseda is sized for have two cores; the target is 50,000 decisions per second.
 */
public final class Benchmarks {

    private static final double TARGET = 50_000;

    private Benchmarks() {
    }

    public static void main(String[] args) throws RunnerException {
        var options = new OptionsBuilder()
                .include(SendPolicyBenchmark.class.getSimpleName())
                .forks(1)
                .threads(2)
                .warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                .build();
        for (RunResult result : new Runner(options).run()) {
            var perSecond = result.getPrimaryResult().getScore();
            System.out.printf("SendPolicy engine: %,.0f decisions/s on 2 threads (target ≥ %,.0f/s): %s%n",
                    perSecond, TARGET, perSecond >= TARGET ? "met" : "NOT MET");
        }
    }
}
