package io.beseda.consent;

/** The ways a shop reaches a customer; consent, suppression and the send policy are kept per channel. */
public enum Channel {
    SMS, EMAIL, PUSH, WEBCHAT, TELEGRAM, WHATSAPP, VIBER, VK, MAX
}
