package io.amcfacade.sandbox;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the built-in AMC simulator. */
@ConfigMapping(prefix = "amc.sandbox")
public interface SandboxConfig {

    /** Serve {@code /sandbox/**}; unset means "only in sandbox mode" (no {@code amc.api.base-url}). */
    Optional<Boolean> enabled();

    /** Where the facade reaches its own sandbox in sandbox mode. */
    String baseUrl();

    /** Lifetime of the Login with Amazon access tokens the sandbox issues (AMC: one hour). */
    @WithDefault("PT1H")
    Duration accessTokenTtl();

    /** Accounts per page of {@code GET /amc/accounts} (AMC: up to 100). */
    @WithDefault("100")
    int accountsPageSize();

    /** How long a new or resent user invitation stays redeemable (AMC: two weeks). */
    @WithDefault("P14D")
    Duration invitationTtl();

    /** Lifetime of the caller tokens {@code POST /sandbox/tokens} mints. */
    @WithDefault("PT1H")
    Duration callerTokenTtl();

    /**
     * How long a new instance stays in each of REQUESTED, SUBMITTED and IN_PROGRESS before it reads COMPLETED,
     * and an advertiser update in each of its open states (AMC: minutes for an instance; the tests shorten it).
     */
    @WithDefault("PT20S")
    Duration instanceStep();

    /** How long AMC remembers a create's {@code idempotencyToken} (Amazon's definition: 10 minutes). */
    @WithDefault("PT10M")
    Duration idempotencyTokenTtl();

    /** PEM private key that signs sandbox caller tokens; set at start-up in sandbox mode. */
    Optional<String> signingKeyLocation();
}
