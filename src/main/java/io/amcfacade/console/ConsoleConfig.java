package io.amcfacade.console;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the compliance console ({@code /console}) and its sign-in. */
@ConfigMapping(prefix = "amc.console")
public interface ConsoleConfig {

    /** The company's OpenID Connect provider; sandbox mode points it at the sandbox's own. */
    Oidc oidc();

    /**
     * Values of the role claim that mean "compliance staff": each grants the role {@code auditor} in the
     * console. Default {@code auditor}, the facade's own role name, so a provider sending it needs no mapping.
     */
    @WithDefault("auditor")
    List<String> auditorRoles();

    /** Actions per Activity page: a screen and a half at 1280 px, and one index scan of that many rows. */
    @WithDefault("50")
    int pageSize();

    /**
     * The chart's range when the filter sets none: two weeks of days fit the page's width with a
     * readable bar per day, and keep the count to one index range over a small part of the trail.
     */
    @WithDefault("P14D")
    Duration chartDefaultRange();

    /** The provider and this facade's registration with it. */
    interface Oidc {
        /** Issuer URL (discovery at {@code /.well-known/openid-configuration} below it); unset = console off. */
        Optional<String> authServerUrl();

        @WithDefault("amc-console")
        String clientId();

        Optional<String> clientSecret();

        /**
         * Encrypts the session cookie; 32+ characters, the same on every replica. Unset: the client
         * secret when it is long enough (quarkus-oidc's rule), otherwise a key per process.
         */
        Optional<String> sessionSecret();

        /** Claim holding the roles, as a path ({@code groups}, {@code realm_access/roles}); the ID token's. */
        @WithDefault("groups")
        String roleClaim();
    }
}
