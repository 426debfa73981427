package io.amcfacade.audit;

import java.time.Duration;
import java.time.Period;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The audit trail's settings. */
@ConfigMapping(prefix = "amc.audit")
public interface AuditConfig {

    /** An intent older than this with no outcome belonged to a process that died: it reads UNKNOWN. */
    @WithDefault("PT5M")
    Duration pendingTimeout();

    /** How often a seal is made, also when nothing happened, so a missing tail of seals shows. */
    @WithDefault("PT5S")
    Duration sealInterval();

    /** Base64 HMAC-SHA256 key that signs seals; keep it outside the database. */
    Optional<String> signingKey();

    /** File holding the signing key (base64); the embedded default generates one in the data directory. */
    Optional<String> signingKeyFile();

    /** Keep whole months of records for this long, then drop them once sealed; unset keeps them forever. */
    Optional<Period> retention();

    /** File outside the database where this replica keeps the newest seal, to catch a cut-off tail. */
    String anchorFile();

    /** Blocks every purge, whatever the retention says. */
    @WithDefault("false")
    boolean legalHold();
}
