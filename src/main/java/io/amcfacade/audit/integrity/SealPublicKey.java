package io.amcfacade.audit.integrity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/** The Ed25519 public key that checks seals and export manifests: no secret, safe to hand to any auditor. */
public final class SealPublicKey {

    private final PublicKey key;
    private final String id;

    private SealPublicKey(PublicKey key) {
        this.key = key;
        this.id = "ed25519:" + CanonicalRecord.sha256(Base64.getEncoder().encodeToString(key.getEncoded())).substring(0, 16);
    }

    /** Reads a file holding the base64 X.509 encoding (what {@link SealSigner} writes as {@code .pub}). */
    public static SealPublicKey read(Path file) throws IOException {
        return fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
    }

    public static SealPublicKey fromBase64(String base64) {
        try {
            return new SealPublicKey(KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.trim()))));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an Ed25519 public key", e);
        }
    }

    /** Names the key in every seal it signs. */
    public String id() {
        return id;
    }

    /** The key itself, for checks of other content signed with it (Standard Webhooks' {@code v1a}). */
    public PublicKey key() {
        return key;
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public boolean verifies(String digest, String signatureHex) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(digest.getBytes(StandardCharsets.UTF_8));
            return signature.verify(HexFormat.of().parseHex(signatureHex));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
