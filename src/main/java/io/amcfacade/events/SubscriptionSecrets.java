package io.amcfacade.events;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import io.amcfacade.audit.integrity.SealKey;

/**
 * Subscribers' secrets (the {@code whsec_} HMAC key, a Splunk HEC token) as the database keeps them: AES-256-GCM
 * under a key derived from the service's secret, which never reaches the database, bound to the subscription they
 * belong to. Whoever holds only the application's database credentials reads ciphertext, and cannot move one
 * subscription's secret to another.
 */
@ApplicationScoped
class SubscriptionSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec key;

    SubscriptionSecrets(SealKey secret) {
        this.key = new SecretKeySpec(secret.derive("amc-event-subscription-secrets-v1"), "AES");
    }

    String seal(String subscriptionId, String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(subscriptionId.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The secret; an {@link IllegalStateException} when the stored value was not sealed for this subscription. */
    String open(String subscriptionId, String stored) {
        if (stored == null) {
            return null;
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            cipher.updateAAD(subscriptionId.getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The stored secret of subscription " + subscriptionId
                    + " was not sealed by this service for it", e);
        }
    }
}
