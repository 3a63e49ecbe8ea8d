package io.beseda.consent;

/** Where a consent or a refusal was given: the proof the ledger keeps depends on it. */
public enum ConsentSource {
    CHECKOUT, BOT, WIDGET, IMPORT, API, OPERATOR, STOP, UNSUBSCRIBE_LINK
}
