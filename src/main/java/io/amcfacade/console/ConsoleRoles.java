package io.amcfacade.console;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.amcfacade.security.Roles;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Maps the provider's role values ({@code amc.console.auditor-roles}) to the facade's {@code auditor}
 * for console sign-ins only; API bearer tokens keep exactly the roles they carry.
 */
@ApplicationScoped
public class ConsoleRoles implements SecurityIdentityAugmentor {

    private final Set<String> auditorRoles;

    public ConsoleRoles(ConsoleConfig config) {
        this.auditorRoles = Set.copyOf(config.auditorRoles());
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || identity.getCredential(IdTokenCredential.class) == null
                || identity.hasRole(Roles.AUDITOR) || identity.getRoles().stream().noneMatch(auditorRoles::contains)) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addRole(Roles.AUDITOR).build());
    }
}
