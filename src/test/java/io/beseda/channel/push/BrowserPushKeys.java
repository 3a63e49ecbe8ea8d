package io.beseda.channel.push;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A browser's side of web push, written from RFC 8291 and RFC 8188 with JDK crypto only: its P-256 key pair and
 * 16-byte auth secret (what {@code PushSubscription.keys} carries), and the decryption of an aes128gcm body.
 * {@link #encrypt} is the sender's side with a given salt and sender key, so the RFC's Appendix A example can be
 * reproduced byte for byte, which pins every derivation step this class shares with {@link #decrypt}.
 */
final class BrowserPushKeys {

    static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    final ECPrivateKey privateKey;
    final byte[] publicKey;
    final byte[] auth;

    BrowserPushKeys(ECPrivateKey privateKey, byte[] publicKey, byte[] auth) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.auth = auth;
    }

    /** What a browser makes when a page subscribes. */
    static BrowserPushKeys generate() throws GeneralSecurityException {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        var auth = new byte[16];
        new SecureRandom().nextBytes(auth);
        return new BrowserPushKeys((ECPrivateKey) pair.getPrivate(), VapidKeys.uncompressed((ECPublicKey) pair.getPublic()), auth);
    }

    /** Keys given as the RFC gives them: the private scalar, the public point, the auth secret (base64url). */
    static BrowserPushKeys of(String privateKey, String publicKey, String auth) throws GeneralSecurityException {
        return new BrowserPushKeys(privateKey(decode(privateKey)), decode(publicKey), decode(auth));
    }

    String p256dh() {
        return B64.encodeToString(publicKey);
    }

    String authSecret() {
        return B64.encodeToString(auth);
    }

    /** RFC 8291 §3.4 and RFC 8188 §2: reads the header (salt, rs, keyid = sender's public key) and decrypts the one record. */
    byte[] decrypt(byte[] body) throws GeneralSecurityException {
        var buffer = ByteBuffer.wrap(body);
        var salt = new byte[16];
        buffer.get(salt);
        var recordSize = buffer.getInt();
        var senderKey = new byte[buffer.get() & 0xff];
        buffer.get(senderKey);
        var ciphertext = new byte[buffer.remaining()];
        buffer.get(ciphertext);
        if (ciphertext.length > recordSize) {
            throw new GeneralSecurityException("more than one record");
        }
        var keys = derive(ecdh(privateKey, senderKey), senderKey, salt);
        var cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(keys[0], "AES"), new GCMParameterSpec(128, keys[1]));
        var padded = cipher.doFinal(ciphertext);
        var end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != 2) {
            throw new GeneralSecurityException("the last record must end with the delimiter 0x02");
        }
        return Arrays.copyOf(padded, end);
    }

    /** The sender's side with a fixed salt and sender key pair (the RFC's example), one record of 4096 bytes. */
    byte[] encrypt(byte[] plaintext, byte[] salt, ECPrivateKey senderPrivate, byte[] senderPublic) throws GeneralSecurityException {
        var keys = derive(ecdh(senderPrivate, publicKey), senderPublic, salt);
        var cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys[0], "AES"), new GCMParameterSpec(128, keys[1]));
        var padded = Arrays.copyOf(plaintext, plaintext.length + 1);
        padded[plaintext.length] = 2;
        var ciphertext = cipher.doFinal(padded);
        return ByteBuffer.allocate(16 + 4 + 1 + senderPublic.length + ciphertext.length)
                .put(salt).putInt(4096).put((byte) senderPublic.length).put(senderPublic).put(ciphertext).array();
    }

    /** [content encryption key, nonce] for this browser and the sender's public key (RFC 8291 §3.3–3.4). */
    private byte[][] derive(byte[] ecdhSecret, byte[] senderPublic, byte[] salt) throws GeneralSecurityException {
        var keyInfo = concat("WebPush: info\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII), publicKey, senderPublic);
        var ikm = hkdf(auth, ecdhSecret, keyInfo, 32);
        var cek = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 16);
        var nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 12);
        return new byte[][] {cek, nonce};
    }

    static byte[] ecdh(ECPrivateKey own, byte[] otherPoint) throws GeneralSecurityException {
        var agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(own);
        agreement.doPhase(publicKey(otherPoint), true);
        return agreement.generateSecret();
    }

    /** HKDF-SHA-256 (RFC 5869) for outputs of at most 32 bytes: one expand block. */
    static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws GeneralSecurityException {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        var prk = mac.doFinal(ikm);
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        return Arrays.copyOf(mac.doFinal(concat(info, new byte[] {1})), length);
    }

    static ECPublicKey publicKey(byte[] point) throws GeneralSecurityException {
        var x = new BigInteger(1, Arrays.copyOfRange(point, 1, 33));
        var y = new BigInteger(1, Arrays.copyOfRange(point, 33, 65));
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), p256()));
    }

    static ECPrivateKey privateKey(byte[] scalar) throws GeneralSecurityException {
        return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(new BigInteger(1, scalar), p256()));
    }

    static byte[] decode(String base64url) {
        return Base64.getUrlDecoder().decode(base64url);
    }

    private static ECParameterSpec p256() throws GeneralSecurityException {
        var parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        return parameters.getParameterSpec(ECParameterSpec.class);
    }

    private static byte[] concat(byte[]... parts) {
        var length = 0;
        for (var part : parts) {
            length += part.length;
        }
        var all = ByteBuffer.allocate(length);
        for (var part : parts) {
            all.put(part);
        }
        return all.array();
    }
}
