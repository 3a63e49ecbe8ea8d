package io.beseda.channel;

import java.util.Map;

import io.beseda.consent.Channel;
import io.beseda.customer.IdentityKind;

/** What identifies a sender in each channel: a phone for SMS, an address for e-mail, a messenger's user id… */
public final class SenderKinds {

    private static final Map<Channel, IdentityKind> KINDS = Map.of(
            Channel.SMS, IdentityKind.PHONE, Channel.EMAIL, IdentityKind.EMAIL, Channel.TELEGRAM, IdentityKind.TELEGRAM,
            Channel.WHATSAPP, IdentityKind.WHATSAPP, Channel.VIBER, IdentityKind.VIBER, Channel.VK, IdentityKind.VK,
            Channel.MAX, IdentityKind.MAX, Channel.WEBCHAT, IdentityKind.VISITOR);

    private SenderKinds() {
    }

    /** @throws IllegalArgumentException for a channel customers cannot write from (push) */
    public static IdentityKind kindOf(Channel channel) {
        var kind = KINDS.get(channel);
        if (kind == null) {
            throw new IllegalArgumentException("Customers do not write from " + channel);
        }
        return kind;
    }

    public static boolean canWriteFrom(Channel channel) {
        return KINDS.containsKey(channel);
    }
}
