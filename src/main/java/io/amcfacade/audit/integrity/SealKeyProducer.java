package io.amcfacade.audit.integrity;

import java.io.IOException;
import java.nio.file.Path;

import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

import io.amcfacade.audit.storage.AuditConfig;

/**
 * Provides the keys, all kept outside the database: the HMAC secret ({@code amc.audit.signing-key} or
 * {@code amc.audit.signing-key-file}) for record MACs and the previous version's seals, and the Ed25519
 * seal key ({@code amc.audit.seal-key-file}). Refuses to start without them. Singletons, not proxies:
 * the sealer made at start-up takes them, so a missing or unreadable key stops the start (and the embedded
 * default's key files exist from the first start on, for {@code bin/audit-verify}).
 */
public class SealKeyProducer {

    @Produces
    @Singleton
    SealKey sealKey(AuditConfig config) throws IOException {
        if (config.signingKey().isPresent()) {
            return SealKey.fromBase64(config.signingKey().get());
        }
        if (config.signingKeyFile().isPresent()) {
            return SealKey.loadOrCreate(Path.of(config.signingKeyFile().get()));
        }
        throw new IllegalStateException("The audit trail needs a secret kept outside the database: set "
                + "amc.audit.signing-key (AMC_AUDIT_SIGNING_KEY, base64, 256 bits or more) or amc.audit.signing-key-file "
                + "(AMC_AUDIT_SIGNING_KEY_FILE), the same on every replica.");
    }

    @Produces
    @Singleton
    RecordMac recordMac(SealKey key) {
        return new RecordMac(key);
    }

    @Produces
    @Singleton
    SealSigner sealSigner(AuditConfig config) throws IOException {
        return SealSigner.loadOrCreate(Path.of(config.sealKeyFile().orElseThrow(() -> new IllegalStateException(
                "The audit trail needs an Ed25519 seal key kept outside the database: set amc.audit.seal-key-file "
                        + "(AMC_AUDIT_SEAL_KEY_FILE), the same file on every replica; it is created when missing."))));
    }

    @Produces
    @Singleton
    SealPublicKey sealPublicKey(SealSigner signer) {
        return signer.publicKey();
    }
}
