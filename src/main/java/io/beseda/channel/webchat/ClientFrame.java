package io.beseda.channel.webchat;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A frame from the widget, one JSON object with a {@code type}:
 * <ul>
 * <li>{@code hello} {visitorId, identity?} — first frame of every connection;</li>
 * <li>{@code identify} {shopCustomerId, signature, email?, phone?, name?} — a signed-in shop customer;</li>
 * <li>{@code message} {clientId, text?, attachments?: [url], consent?} — what the visitor wrote;</li>
 * <li>{@code button} {clientId, payload, title} — a quick reply pressed;</li>
 * <li>{@code typing}, {@code read}, {@code history}, {@code ping}.</li>
 * </ul>
 * Every field is optional here; {@link WidgetFrames} says which a type needs, with an error frame if missing.
 */
record ClientFrame(@Nullable String type, @Nullable String visitorId, @Nullable Identify identity,
                   @Nullable String shopCustomerId, @Nullable String signature, @Nullable String email,
                   @Nullable String phone, @Nullable String name, @Nullable String clientId, @Nullable String text,
                   @Nullable List<String> attachments, @Nullable Boolean consent, @Nullable String payload,
                   @Nullable String title) {

    /** The shop's claim about who the visitor is, signed by its backend. */
    record Identify(@Nullable String shopCustomerId, @Nullable String signature, @Nullable String email,
                    @Nullable String phone, @Nullable String name) {
    }

    Identify asIdentify() {
        return new Identify(shopCustomerId, signature, email, phone, name);
    }
}
