package io.amcfacade.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which sandbox paths the configured upstream latency applies to. */
class SandboxLatencyFilterTest {

    @Test
    void delaysTheSimulatedAmcEndpoints() {
        assertThat(SandboxLatencyFilter.isAmcEndpoint("/sandbox/amc/accounts")).isTrue();
        assertThat(SandboxLatencyFilter.isAmcEndpoint("/sandbox/amc/instances/amcc69a7ab6ec")).isTrue();
        assertThat(SandboxLatencyFilter.isAmcEndpoint("/sandbox/user-invitations")).isTrue();
        assertThat(SandboxLatencyFilter.isAmcEndpoint("/sandbox/user-invitations/list")).isTrue();
        assertThat(SandboxLatencyFilter.isAmcEndpoint("/sandbox/users/list")).isTrue();
        assertThat(SandboxLatencyFilter.isAmcEndpoint("/sandbox/userRoles/list")).isTrue();
        assertThat(SandboxLatencyFilter.isAmcEndpoint("/sandbox/userPermissions/delete")).isTrue();
    }

    @Test
    void leavesTheTokenEndpointAndTheControlsAlone() {
        assertThat(SandboxLatencyFilter.isAmcEndpoint("/sandbox/auth/o2/token")).isFalse();
        assertThat(SandboxLatencyFilter.isAmcEndpoint("/sandbox/tokens")).isFalse();
        assertThat(SandboxLatencyFilter.isAmcEndpoint("/sandbox/invitee-tokens")).isFalse();
        assertThat(SandboxLatencyFilter.isAmcEndpoint("/sandbox/stats")).isFalse();
        assertThat(SandboxLatencyFilter.isAmcEndpoint("/sandbox/accounts/ENTITY1ACMERETAIL0/users")).isFalse();
        assertThat(SandboxLatencyFilter.isAmcEndpoint("/sandbox/invitations/amzn1.invitation.x/expire")).isFalse();
    }
}
