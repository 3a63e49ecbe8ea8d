package io.beseda.journey.web;

import org.jspecify.annotations.Nullable;

/**
 * One A/B variant against the control: the difference in conversion rate, relative and in percentage points, and
 * how sure it is — a two-sided two-proportion z-test with the pooled rate.
 *
 * @param relative {@code (variant − control) / control}; null when the control converted nobody
 * @param points   {@code variant − control}, as a fraction (0.02 = two percentage points)
 * @param pValue   the chance of a difference at least this large if the variants were the same; 1 when there is no
 *                 evidence either way (a group without customers, or every customer in both converting alike)
 */
record Uplift(@Nullable Double relative, double points, double z, double pValue) {

    static final double SIGNIFICANCE = 0.05;

    static @Nullable Uplift of(long controlEntered, long controlConverted, long variantEntered, long variantConverted) {
        if (controlEntered <= 0 || variantEntered <= 0) {
            return null;
        }
        var control = (double) controlConverted / controlEntered;
        var variant = (double) variantConverted / variantEntered;
        var pooled = (double) (controlConverted + variantConverted) / (controlEntered + variantEntered);
        var error = Math.sqrt(pooled * (1 - pooled) * (1.0 / controlEntered + 1.0 / variantEntered));
        var z = error == 0 ? 0 : (variant - control) / error;
        var p = error == 0 ? 1 : Math.min(1, erfc(Math.abs(z) / Math.sqrt(2)));
        return new Uplift(control == 0 ? null : (variant - control) / control, variant - control, z, p);
    }

    /** Different from the control at the 95 % level. */
    public boolean significant() {
        return pValue < SIGNIFICANCE;
    }

    /** The complementary error function, with a fractional error under 1.2e-7 (Numerical Recipes' Chebyshev fit). */
    static double erfc(double x) {
        var t = 1 / (1 + 0.5 * Math.abs(x));
        var y = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? y : 2 - y;
    }
}
