package io.amcfacade.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.support.AuditTrail;
import io.amcfacade.support.Callers;
import io.amcfacade.support.Sandbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Login with Amazon answers invalid_grant: callers get a clear 502 and no credential leaks. */
@QuarkusTest
@TestProfile(RefusedRefreshTokenTest.RevokedRefreshToken.class)
class RefusedRefreshTokenTest {

    private static final String REVOKED = "Atzr|revoked-by-the-user";

    public static class RevokedRefreshToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("amc.lwa.refresh-token", REVOKED);
        }
    }

    @Test
    void aRefusedRefreshIsA502NamingTheOAuthErrorAndAuditedAsFailed() {
        String subject = Callers.uniqueSubject("viewer");
        long accountCalls = Sandbox.requests(Sandbox.ACCOUNTS);

        Callers.as(subject, "amc-viewer")
                .get("/v1/accounts")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("code", equalTo("UPSTREAM_CREDENTIALS"))
                .body("detail", containsString("invalid_grant"))
                .body(not(containsString(REVOKED)))
                .body(not(containsString("sandbox-client-secret")));

        assertThat(Sandbox.requests(Sandbox.ACCOUNTS)).isEqualTo(accountCalls);
        AuditEvent event = AuditTrail.eventsOf(subject).get(0);
        assertThat(event).returns(AuditOutcome.FAILED, AuditEvent::getOutcome).returns("UPSTREAM_CREDENTIALS", AuditEvent::getErrorCode);
        assertThat(event.toString()).doesNotContain(REVOKED);
    }
}
