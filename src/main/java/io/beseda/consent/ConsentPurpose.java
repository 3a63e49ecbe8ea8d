package io.beseda.consent;

/**
 * What a customer agreed to: service messages about their orders, advertising (38-FZ art. 18, needs a
 * prior consent per channel), or the processing of their personal data at all (152-FZ).
 */
public enum ConsentPurpose {
    SERVICE, MARKETING, PD_PROCESSING
}
