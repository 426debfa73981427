package io.amcfacade.console;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import io.quarkus.oidc.runtime.OidcTenantConfig.Authentication.CookieSameSite;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * The console's OpenID Connect client (authorization-code flow with PKCE), built from
 * {@link ConsoleConfig} and resolved only for {@code /console/**}: the API keeps smallrye-jwt bearer
 * tokens. Resolving it per request, not as a static tenant, means quarkus-oidc reads the provider's
 * metadata on the first console request, not at start-up: in sandbox mode the provider is this very
 * process, whose HTTP server is not listening yet while extensions start.
 */
@ApplicationScoped
public class ConsoleTenant implements TenantConfigResolver {

    static final String TENANT_ID = "console";

    private final OidcTenantConfig tenant;

    public ConsoleTenant(ConsoleConfig config) {
        this.tenant = config.oidc().authServerUrl().map(url -> build(config.oidc(), url)).orElse(null);
    }

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> requestContext) {
        return Uni.createFrom().item(tenant != null && ConsolePaths.isConsole(context.normalizedPath()) ? tenant : null);
    }

    private static OidcTenantConfig build(ConsoleConfig.Oidc oidc, String authServerUrl) {
        var builder = OidcTenantConfig.builder().tenantId(TENANT_ID).authServerUrl(authServerUrl)
                .applicationType(ApplicationType.WEB_APP).clientId(oidc.clientId())
                .roles().roleClaimPath(oidc.roleClaim()).end()
                // The session cookie lives as long as the ID token, never refreshed: the provider decides how long one lasts.
                .token().refreshExpired(false).end()
                .authentication()
                .pkceRequired().nonceRequired()
                .scopes("profile")
                .cookiePath(ConsolePaths.ROOT).cookieForceSecure().cookieSameSite(CookieSameSite.LAX)
                .removeRedirectParameters()
                // One state cookie, replaced by each new sign-in: with one per sign-in (the default, for sign-ins in
                // several tabs at once) every abandoned one stayed for five minutes, until the browser's requests
                // outgrew what the server reads (431). The price: two sign-ins under way at once, in two tabs, cannot
                // both finish; opening the console again signs in (docs/console.md).
                .allowMultipleCodeFlows(false)
                .javaScriptAutoRedirect(false)
                .end();
        oidc.clientSecret().ifPresent(builder::credentials);
        oidc.sessionSecret().ifPresent(secret -> builder.tokenStateManager().encryptionSecret(secret).end());
        return builder.build();
    }
}
