package io.amcfacade.audit.integrity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The Ed25519 private key that signs seals and export manifests. Its public half
 * ({@link SealPublicKey}) is all an auditor needs to verify. The key file holds the private key
 * (base64 PKCS#8) on its first line; the public key is written beside it as {@code <file>.pub}.
 */
public final class SealSigner {

    private final PrivateKey privateKey;
    private final SealPublicKey publicKey;

    SealSigner(PrivateKey privateKey, SealPublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** Reads the key file and its {@code .pub}, creating both (owner-only) when the key file does not exist yet. */
    public static SealSigner loadOrCreate(Path file) throws IOException {
        Path pub = publicKeyFile(file);
        if (!Files.exists(file)) {
            KeyPair pair;
            try {
                pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            write(pub, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()), false);
            write(file, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()), true);
        }
        try {
            byte[] encoded = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(encoded));
            return new SealSigner(key, SealPublicKey.read(pub));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("Unreadable Ed25519 seal key " + file, e);
        }
    }

    public static Path publicKeyFile(Path keyFile) {
        return keyFile.resolveSibling(keyFile.getFileName() + ".pub");
    }

    public SealPublicKey publicKey() {
        return publicKey;
    }

    /** The signature of a digest (hex text), hex. */
    public String sign(String digest) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(digest.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, String text, boolean secret) throws IOException {
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "audit-seal", ".tmp");
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the directory's permissions apply.
        }
        Files.writeString(temporary, text + "\n", StandardCharsets.US_ASCII);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public String toString() {
        return "SealSigner[" + publicKey.id() + "]";
    }
}
