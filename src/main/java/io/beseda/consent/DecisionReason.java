package io.beseda.consent;

/**
 * Why the send policy decided as it did; the console says each in the reader's language
 * ({@code consent.reason.<CODE>} in i18n/consent.properties).
 */
public enum DecisionReason {
    ALLOWED,
    CUSTOMER_ERASED,
    CHANNEL_FORBIDDEN,
    SUPPRESSED,
    NO_MARKETING_CONSENT,
    MARKETING_CONSENT_WITHDRAWN,
    WHATSAPP_WINDOW_CLOSED,
    MAX_CUSTOMER_NOT_WRITTEN,
    MARKETING_CAP_ZERO,
    DAILY_CAP,
    WEEKLY_CAP,
    CHANNEL_DAILY_CAP,
    CHANNEL_WEEKLY_CAP,
    QUIET_HOURS
}
