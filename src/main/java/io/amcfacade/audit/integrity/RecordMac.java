package io.amcfacade.audit.integrity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The per-record MAC: HMAC-SHA256 of a record's content hash under a key derived from the service's
 * secret. The database never sees the key, so a row inserted by SQL alone (any role, superuser
 * included) has no valid MAC; the sealer checks every record's MAC and names the ones that fail in
 * the signed seal ({@link Sealing}), so verifying needs only the public key.
 */
public final class RecordMac {

    private final byte[] key;
    /** One Mac per thread: {@code Mac.getInstance} costs more than a record's MAC. */
    private final ThreadLocal<Mac> macs;

    public RecordMac(SealKey secret) {
        this.key = secret.derive("amc-audit-record-mac-v1");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public String of(String contentHash) {
        return HexFormat.of().formatHex(macs.get().doFinal(contentHash.getBytes(StandardCharsets.US_ASCII)));
    }

    public boolean matches(String contentHash, String mac) {
        return mac != null && contentHash != null && MessageDigest.isEqual(of(contentHash).getBytes(StandardCharsets.US_ASCII),
                mac.getBytes(StandardCharsets.US_ASCII));
    }
}
