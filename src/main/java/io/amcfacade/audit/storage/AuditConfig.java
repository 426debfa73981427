package io.amcfacade.audit.storage;

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

    /**
     * Base64 HMAC-SHA256 secret (256 bits or more), kept outside the database: every record's MAC is made
     * with a key derived from it, and the previous version's seals were signed with it.
     */
    Optional<String> signingKey();

    /** File holding that secret (base64); the embedded default generates one in the data directory. */
    Optional<String> signingKeyFile();

    /**
     * File holding the Ed25519 private key that signs seals and export manifests (created with its
     * {@code .pub} beside it when missing); the embedded default keeps it in the data directory.
     */
    Optional<String> sealKeyFile();

    /**
     * The retention the database starts with (its migration reads it); from then on the database's own
     * policy decides, and only its owner changes it ({@code audit_set_retention}). Unset keeps everything.
     */
    Optional<Period> retention();

    /** File outside the database where this replica keeps the newest seal, to catch a cut-off tail. */
    String anchorFile();

    /**
     * An append-only file every seal head (and every acknowledged truncation) is added to, for
     * {@code bin/audit-verify --witness}: put it where the database's administrators cannot write. Unset: none.
     */
    Optional<String> witnessFile();

    /** The role retention connects as (it alone may purge); the request path's role cannot purge at all. */
    String retentionUsername();

    /** Its password; none over the embedded default's local trust authentication. */
    Optional<String> retentionPassword();
}
