package io.amcfacade.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** The provider's role values that mean "compliance staff" become {@code auditor}, for console sign-ins only. */
class ConsoleRolesTest {

    private final ConsoleRoles roles = new ConsoleRoles(config(List.of("compliance", "sox-auditors")));

    @Test
    void aMappedProviderRoleGrantsAuditorToAConsoleSignIn() {
        SecurityIdentity mapped = augment(identity(true, "sox-auditors", "staff"));

        assertThat(mapped.getRoles()).contains("auditor", "sox-auditors", "staff");
    }

    @Test
    void otherRolesAndApiTokensAreLeftAsTheyCame() {
        assertThat(augment(identity(true, "staff")).getRoles()).containsExactly("staff");
        // A bearer token of the API (no ID token) keeps exactly its roles, even one named like a mapped value.
        assertThat(augment(identity(false, "compliance")).getRoles()).containsExactly("compliance");
    }

    private SecurityIdentity augment(SecurityIdentity identity) {
        return roles.augment(identity, null).await().indefinitely();
    }

    private static SecurityIdentity identity(boolean consoleSignIn, String... groups) {
        var builder = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("dora"));
        for (String group : groups) {
            builder.addRole(group);
        }
        if (consoleSignIn) {
            builder.addCredential(new IdTokenCredential("header.payload.signature"));
        }
        return builder.build();
    }

    private static ConsoleConfig config(List<String> auditorRoles) {
        return new ConsoleConfig() {
            @Override
            public Oidc oidc() {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<String> auditorRoles() {
                return auditorRoles;
            }

            @Override
            public int pageSize() {
                return 50;
            }

            @Override
            public Duration chartDefaultRange() {
                return Duration.ofDays(14);
            }
        };
    }
}
