package io.beseda.journey.engine;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.beseda.journey.definition.Step;
import io.beseda.journey.definition.Variant;

/**
 * Random yet repeatable A/B assignment: a hash of the run and the step picks the variant, so waking the run
 * again never moves the customer to another arm.
 */
final class Splits {

    private Splits() {
    }

    static Variant choose(UUID run, Step.Split split) {
        var bucket = Math.floorMod(murmur((run + ":" + split.id()).getBytes(StandardCharsets.UTF_8)), 100);
        int upTo = 0;
        for (var variant : split.variants()) {
            upTo += variant.percent();
            if (bucket < upTo) {
                return variant;
            }
        }
        return split.variants().getLast();
    }

    /** 32-bit FNV-1a followed by a murmur3 finaliser: cheap and well spread over the last digits. */
    private static int murmur(byte[] data) {
        int hash = 0x811c9dc5;
        for (byte b : data) {
            hash ^= b;
            hash *= 0x01000193;
        }
        hash ^= hash >>> 16;
        hash *= 0x85ebca6b;
        hash ^= hash >>> 13;
        hash *= 0xc2b2ae35;
        hash ^= hash >>> 16;
        return hash;
    }
}
