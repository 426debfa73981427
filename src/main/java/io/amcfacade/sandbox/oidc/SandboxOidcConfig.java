package io.amcfacade.sandbox.oidc;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the sandbox's OpenID Connect provider, the console's sign-in in sandbox mode. */
@ConfigMapping(prefix = "amc.sandbox.oidc")
public interface SandboxOidcConfig {

    /**
     * Lifetime of the ID tokens it issues, and so of a console session (the console does not refresh
     * them): half an hour, a common identity-provider default for privileged web sessions.
     */
    @WithDefault("PT30M")
    Duration idTokenTtl();

    /** How long an authorization code may wait for its exchange (RFC 6749 recommends at most ten minutes). */
    @WithDefault("PT1M")
    Duration codeTtl();
}
