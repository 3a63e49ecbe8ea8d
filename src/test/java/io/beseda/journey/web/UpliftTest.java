package io.beseda.journey.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The A/B maths against the pooled two-proportion z-test worked out independently (Python's math.erfc). */
class UpliftTest {

    @Test
    void aClearWinnerIsSignificant() {
        // 100 of 1000 against 150 of 1000: pooled 0.125, se = sqrt(0.125 · 0.875 · 0.002) = 0.014790, z = 3.3806
        var uplift = Uplift.of(1000, 100, 1000, 150);

        assertThat(uplift).isNotNull();
        assertThat(uplift.relative()).isCloseTo(0.5, within(1e-12));
        assertThat(uplift.points()).isCloseTo(0.05, within(1e-12));
        assertThat(uplift.z()).isCloseTo(3.3806, within(1e-4));
        assertThat(uplift.pValue()).isCloseTo(0.00072323, within(1e-7));
        assertThat(uplift.significant()).isTrue();
    }

    @Test
    void aSmallDifferenceOnFewCustomersIsNotSignificant() {
        // 10 of 100 against 13 of 100: pooled 0.115, z = 0.66494, p = 0.50609
        var uplift = Uplift.of(100, 10, 100, 13);

        assertThat(uplift.z()).isCloseTo(0.66494, within(1e-5));
        assertThat(uplift.pValue()).isCloseTo(0.50609, within(1e-5));
        assertThat(uplift.significant()).isFalse();
    }

    @Test
    void aWorseVariantHasANegativeUpliftAndTheSameTwoSidedP() {
        var better = Uplift.of(1000, 100, 1000, 150);
        var worse = Uplift.of(1000, 150, 1000, 100);

        assertThat(worse.relative()).isCloseTo(-1.0 / 3, within(1e-12));
        assertThat(worse.z()).isCloseTo(-better.z(), within(1e-12));
        assertThat(worse.pValue()).isCloseTo(better.pValue(), within(1e-12));
    }

    @Test
    void theBoundaryOfNinetyFivePercent() {
        // z = 1.96 gives the two-sided p of 0.05; erfc itself at a few known points
        assertThat(Uplift.erfc(1.96 / Math.sqrt(2))).isCloseTo(0.0499958, within(1e-6));
        assertThat(Uplift.erfc(0)).isCloseTo(1, within(1e-7));
        assertThat(Uplift.erfc(-1)).isCloseTo(1.842701, within(1e-6));
    }

    @Test
    void noCustomersOrNoDifferenceGivesNoEvidence() {
        assertThat(Uplift.of(0, 0, 100, 10)).isNull();
        assertThat(Uplift.of(100, 10, 0, 0)).isNull();
        var nobodyConverted = Uplift.of(100, 0, 100, 0);
        assertThat(nobodyConverted.pValue()).isEqualTo(1);
        assertThat(nobodyConverted.relative()).as("no relative uplift over a control that converted nobody").isNull();
        var fromZero = Uplift.of(100, 0, 100, 5);
        assertThat(fromZero.relative()).isNull();
        assertThat(fromZero.points()).isCloseTo(0.05, within(1e-12));
        assertThat(fromZero.pValue()).isLessThan(0.05);
    }
}
