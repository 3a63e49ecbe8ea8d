package io.beseda.bot.nlu;

/** Placeholder: per-workspace models. */
public final class IntentModels {
    public static final double DEFAULT_THRESHOLD = 0.35;
}
