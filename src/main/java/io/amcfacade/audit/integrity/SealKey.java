package io.amcfacade.audit.integrity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The service's secret (HMAC-SHA256), kept outside the database: it signed the seals of the previous
 * version (still checked when a verifier has it) and a key derived from it MACs every new record
 * ({@link RecordMac}). New seals are signed with Ed25519 ({@link SealSigner}).
 */
public final class SealKey {

    private final byte[] key;

    public SealKey(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("The seal signing key must be at least 256 bits");
        }
        this.key = key.clone();
    }

    public static SealKey fromBase64(String base64) {
        return new SealKey(Base64.getDecoder().decode(base64.trim()));
    }

    /** Reads the key file, creating it with a fresh random key (owner-only) when it does not exist yet. */
    public static SealKey loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "audit-seal", ".tmp");
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the directory's permissions apply.
            }
            Files.writeString(temporary, Base64.getEncoder().encodeToString(fresh) + "\n", StandardCharsets.US_ASCII);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
    }

    /** Reads an existing key file; never creates one (a verifier must not invent the key it checks with). */
    public static SealKey readExisting(Path file) throws IOException {
        return fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
    }

    /** Names the key without revealing it, so a seal says which key signed it. */
    public String id() {
        return CanonicalRecord.sha256(Base64.getEncoder().encodeToString(key)).substring(0, 16);
    }

    /** A key for another purpose, so one secret never MACs two kinds of message. */
    public byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String sign(String digest) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(digest.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "SealKey[" + id() + "]";
    }
}
