package io.beseda.consent;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A grant or a withdrawal to append to the ledger. A grant names the registered text the customer saw
 * ({@code textVersion}); a marketing grant names its channel, because advertising needs consent per
 * channel. A withdrawal without a channel refuses the purpose in every channel.
 *
 * @param address the phone, e-mail or messenger account the consent is about
 * @param ip      where the customer was when they agreed or refused, if known
 * @param device  their browser or app, if known
 * @param proof   anything else that proves it: a checkbox id, a message id, an order number
 */
public record ConsentChange(ConsentPurpose purpose, @Nullable Channel channel, @Nullable String address,
                            boolean granted, @Nullable String textVersion, ConsentSource source,
                            @Nullable String ip, @Nullable String device, Map<String, Object> proof) {

    public ConsentChange {
        proof = Map.copyOf(proof);
    }

    public static ConsentChange withdrawal(ConsentPurpose purpose, @Nullable Channel channel,
                                           @Nullable String address, ConsentSource source) {
        return new ConsentChange(purpose, channel, address, false, null, source, null, null, Map.of());
    }
}
