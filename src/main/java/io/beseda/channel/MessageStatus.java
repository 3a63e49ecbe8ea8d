package io.beseda.channel;

/** Where an outbound message is: waiting, on its way, at the provider, on the phone, read, or given up. */
public enum MessageStatus {
    QUEUED, SENDING, SENT, DELIVERED, READ, FAILED
}
