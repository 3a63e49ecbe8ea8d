package io.beseda.consent;

/**
 * Why a message is sent, which decides the rules it must pass: a {@code REPLY} answers the customer in a
 * conversation they started, {@code SERVICE} is about their orders, {@code MARKETING} is advertising.
 */
public enum MessageCategory {
    REPLY, SERVICE, MARKETING
}
