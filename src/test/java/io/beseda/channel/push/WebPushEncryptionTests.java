package io.beseda.channel.push;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.zerodeplibs.webpush.MessageEncryptions;
import com.zerodeplibs.webpush.PushMessage;
import com.zerodeplibs.webpush.UserAgentMessageEncryptionKeyInfo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 8291 Appendix A against the encryption Beseda sends with. The library draws its salt and sender key at
 * random, so its output cannot equal the RFC's bytes; instead the test's browser-side code is pinned to the RFC
 * (it reproduces the RFC's body byte for byte from the RFC's salt and sender key, and decrypts it), and then
 * decrypts what the library makes for the RFC's browser keys.
 */
class WebPushEncryptionTests {

    static final String PLAINTEXT = "When I grow up, I want to be a watermelon";
    static final String UA_PRIVATE = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";
    static final String UA_PUBLIC = "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    static final String AUTH = "BTBZMqHH6r4Tts7J_aSIgg";
    static final String AS_PRIVATE = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
    static final String AS_PUBLIC = "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
    static final String SALT = "DGv6ra1nlYgDCS1FRnbzlw";
    static final String BODY = "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

    @Test
    void theBrowserSideReproducesAndReadsTheRfcExample() throws Exception {
        var browser = BrowserPushKeys.of(UA_PRIVATE, UA_PUBLIC, AUTH);

        var encrypted = browser.encrypt(PLAINTEXT.getBytes(StandardCharsets.US_ASCII), BrowserPushKeys.decode(SALT),
                BrowserPushKeys.privateKey(BrowserPushKeys.decode(AS_PRIVATE)), BrowserPushKeys.decode(AS_PUBLIC));

        assertThat(BrowserPushKeys.B64.encodeToString(encrypted)).isEqualTo(BODY);
        assertThat(new String(browser.decrypt(BrowserPushKeys.decode(BODY)), StandardCharsets.US_ASCII)).isEqualTo(PLAINTEXT);
    }

    @Test
    void whatBesedaEncryptsForTheRfcsBrowserDecryptsToThePlaintext() throws Exception {
        var browser = BrowserPushKeys.of(UA_PRIVATE, UA_PUBLIC, AUTH);

        var sent = MessageEncryptions.of().encrypt(UserAgentMessageEncryptionKeyInfo.of(UA_PUBLIC, AUTH),
                PushMessage.ofUTF8(PLAINTEXT));

        assertThat(sent.contentEncoding()).isEqualTo("aes128gcm");
        var header = ByteBuffer.wrap(sent.toBytes());
        header.position(16);
        var recordSize = header.getInt();
        assertThat(header.get()).as("keyid length: the sender's uncompressed P-256 key").isEqualTo((byte) 65);
        assertThat(recordSize).as("one record holds the whole message (RFC 8291 §4)")
                .isGreaterThanOrEqualTo(sent.toBytes().length - 86).isLessThanOrEqualTo(4096);
        assertThat(new String(browser.decrypt(sent.toBytes()), StandardCharsets.UTF_8)).isEqualTo(PLAINTEXT);
        assertThat(BrowserPushKeys.B64.encodeToString(sent.toBytes())).as("a fresh salt and key each time").isNotEqualTo(BODY);
    }
}
