package io.beseda.channel.push;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.zerodeplibs.webpush.VAPIDKeyPair;
import com.zerodeplibs.webpush.VAPIDKeyPairs;
import com.zerodeplibs.webpush.key.PrivateKeySources;
import com.zerodeplibs.webpush.key.PublicKeySources;

import io.beseda.shared.SecretBox;
import io.beseda.workspace.WorkspaceId;

/**
 * Each workspace's VAPID key pair (P-256), made the first time it is needed and kept for good: browsers
 * subscribe with the public key, and a new key would orphan every subscription. The private key is stored
 * sealed by {@link SecretBox}, bound to the workspace; two nodes making one at once agree on the first stored.
 */
@Component
class VapidKeys {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final JdbcClient jdbc;
    private final SecretBox secrets;
    private final Clock clock;
    private final Map<WorkspaceId, VAPIDKeyPair> pairs = new ConcurrentHashMap<>();

    VapidKeys(JdbcClient jdbc, SecretBox secrets, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** The public key as browsers take it ({@code applicationServerKey}): base64url of the uncompressed point. */
    String publicKey(WorkspaceId workspace) {
        return pair(workspace).extractPublicKeyInUncompressedFormAsString();
    }

    VAPIDKeyPair pair(WorkspaceId workspace) {
        return pairs.computeIfAbsent(workspace, this::load);
    }

    private VAPIDKeyPair load(WorkspaceId workspace) {
        jdbc.sql("insert into push_vapid_key (workspace_id, public_key, private_key_sealed, created_at) values (?, ?, ?, ?) "
                        + "on conflict (workspace_id) do nothing")
                .params(workspace.value(), "", "", Timestamp.from(clock.instant()))
                .update();
        var stored = jdbc.sql("select public_key, private_key_sealed from push_vapid_key where workspace_id = ?")
                .param(workspace.value()).query((row, n) -> new String[] {row.getString(1), row.getString(2)}).single();
        if (stored[0].isEmpty()) {
            stored = generate(workspace);
        }
        var privateKey = Base64.getDecoder().decode(secrets.decrypt(stored[1], context(workspace)));
        return VAPIDKeyPairs.of(PrivateKeySources.ofPKCS8Bytes(privateKey),
                PublicKeySources.ofUncompressedBytes(Base64.getUrlDecoder().decode(stored[0])));
    }

    private String[] generate(WorkspaceId workspace) {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            var pair = generator.generateKeyPair();
            var publicKey = B64URL.encodeToString(uncompressed((ECPublicKey) pair.getPublic()));
            var sealed = secrets.encrypt(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()), context(workspace));
            // only the row still empty takes it: a key another node stored first wins
            var taken = jdbc.sql("update push_vapid_key set public_key = ?, private_key_sealed = ? where workspace_id = ? and public_key = ''")
                    .params(publicKey, sealed, workspace.value()).update();
            if (taken == 0) {
                return jdbc.sql("select public_key, private_key_sealed from push_vapid_key where workspace_id = ?")
                        .param(workspace.value()).query((row, n) -> new String[] {row.getString(1), row.getString(2)}).single();
            }
            return new String[] {publicKey, sealed};
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM cannot make P-256 keys", e);
        }
    }

    static byte[] uncompressed(ECPublicKey key) {
        var point = new byte[65];
        point[0] = 4;
        copy(key.getW().getAffineX().toByteArray(), point, 1);
        copy(key.getW().getAffineY().toByteArray(), point, 33);
        return point;
    }

    /** Writes a big-endian number into 32 bytes (BigInteger adds a sign byte or drops leading zeros). */
    private static void copy(byte[] number, byte[] into, int at) {
        var length = Math.min(number.length, 32);
        System.arraycopy(number, number.length - length, into, at + 32 - length, length);
    }

    private static String context(WorkspaceId workspace) {
        return "push_vapid_key:" + workspace.value();
    }
}
