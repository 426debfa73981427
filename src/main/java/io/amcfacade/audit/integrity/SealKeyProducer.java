package io.amcfacade.audit.integrity;

import java.io.IOException;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.amcfacade.audit.AuditConfig;

/** Provides the seal key from {@code amc.audit.signing-key} or {@code amc.audit.signing-key-file}; refuses to start without one. */
public class SealKeyProducer {

    @Produces
    @ApplicationScoped
    SealKey sealKey(AuditConfig config) throws IOException {
        if (config.signingKey().isPresent()) {
            return SealKey.fromBase64(config.signingKey().get());
        }
        if (config.signingKeyFile().isPresent()) {
            return SealKey.loadOrCreate(Path.of(config.signingKeyFile().get()));
        }
        throw new IllegalStateException("The audit trail needs a seal signing key kept outside the database: set "
                + "amc.audit.signing-key (AMC_AUDIT_SIGNING_KEY, base64, 256 bits or more) or amc.audit.signing-key-file "
                + "(AMC_AUDIT_SIGNING_KEY_FILE), the same on every replica.");
    }
}
