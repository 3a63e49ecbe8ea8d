package io.beseda.bench.chat;

import java.util.Arrays;

/** Collects latencies in microseconds from many threads and reports percentiles. */
final class Latencies {

    private long[] values = new long[1 << 16];
    private int size;

    synchronized void add(long micros) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = micros;
    }

    synchronized int count() {
        return size;
    }

    synchronized String summary() {
        if (size == 0) {
            return "no samples";
        }
        var sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return String.format("n=%,d  p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms", size,
                at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99), sorted[size - 1] / 1000.0);
    }

    synchronized double percentileMillis(double p) {
        var sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return at(sorted, p);
    }

    private static double at(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1000.0;
    }
}
