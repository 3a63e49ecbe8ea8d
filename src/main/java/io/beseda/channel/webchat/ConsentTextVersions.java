package io.beseda.channel.webchat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.stereotype.Component;

import io.beseda.consent.ConsentPurpose;
import io.beseda.consent.Consents;
import io.beseda.workspace.Actor;

/**
 * Registers the widget's consent wording in the ledger. The version is derived from the text itself, so
 * an unchanged text is never registered twice and an edited one always gets a version of its own: a
 * consent record then points at exactly the words the visitor ticked.
 */
@Component
class ConsentTextVersions {

    private final Consents consents;

    ConsentTextVersions(Consents consents) {
        this.consents = consents;
    }

    String ensure(Actor actor, String text) {
        var version = "webchat-" + sha256(text).substring(0, 16);
        var known = consents.texts(actor.workspaceId()).stream()
                .anyMatch(t -> t.purpose() == ConsentPurpose.PD_PROCESSING && t.version().equals(version));
        if (!known) {
            consents.registerText(actor, ConsentPurpose.PD_PROCESSING, version, text);
        }
        return version;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
