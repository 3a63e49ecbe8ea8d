package io.beseda.consent;

/** The current state for one purpose and channel: the latest record decides; no record means no consent. */
public enum ConsentStatus {
    GRANTED, WITHDRAWN, NONE
}
