package io.amcfacade.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature scheme (standardwebhooks.com), in one place for the facade that signs and for
 * {@code bin/audit-verify --events} that checks: the signed content is {@code webhook-id.webhook-timestamp.body};
 * {@code v1,<base64 HMAC-SHA256>} under the key a {@code whsec_} secret carries (base64 after the prefix);
 * {@code v1a,<base64 Ed25519>} under a public key. A {@code webhook-signature} header may hold several signatures
 * separated by spaces; one that verifies is enough.
 */
public final class StandardWebhooks {

    public static final String SECRET_PREFIX = "whsec_";
    public static final String HMAC = "v1";
    public static final String ED25519 = "v1a";
    private static final SecureRandom RANDOM = new SecureRandom();

    private StandardWebhooks() {
    }

    /** What is signed: {@code id.timestamp.body}. */
    public static String content(String webhookId, String timestamp, String body) {
        return webhookId + "." + timestamp + "." + body;
    }

    /** A new secret: {@code whsec_} and 32 random bytes in base64. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The HMAC key a {@code whsec_} secret carries; an {@link IllegalArgumentException} for anything else. */
    public static byte[] key(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("not a whsec_ secret");
        }
        return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
    }

    /** {@code v1,<base64 HMAC-SHA256 of the content>}. */
    public static String hmac(byte[] key, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HMAC + "," + Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code v1a,<base64 signature>} from an Ed25519 signature of the content. */
    public static String ed25519(byte[] signature) {
        return ED25519 + "," + Base64.getEncoder().encodeToString(signature);
    }

    /** Whether one of the header's {@code v1} signatures is the content's HMAC under {@code key}. */
    public static boolean hmacVerifies(String signatureHeader, byte[] key, String content) {
        byte[] expected = hmac(key, content).getBytes(StandardCharsets.US_ASCII);
        for (String signature : signatureHeader.trim().split(" +")) {
            if (signature.startsWith(HMAC + ",")
                    && MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    /** Whether one of the header's {@code v1a} signatures is an Ed25519 signature of the content under {@code key}. */
    public static boolean ed25519Verifies(String signatureHeader, PublicKey key, String content) {
        for (String signature : signatureHeader.trim().split(" +")) {
            if (!signature.startsWith(ED25519 + ",")) {
                continue;
            }
            try {
                Signature verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(key);
                verifier.update(content.getBytes(StandardCharsets.UTF_8));
                if (verifier.verify(Base64.getDecoder().decode(signature.substring(ED25519.length() + 1)))) {
                    return true;
                }
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                // not this one
            }
        }
        return false;
    }
}
