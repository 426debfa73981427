package io.amcfacade.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.amcfacade.api.model.AccessReconciliation;
import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.support.AccessApi;
import io.amcfacade.support.AuditTrail;
import io.amcfacade.support.Callers;
import io.amcfacade.support.InvitationsApi;
import io.amcfacade.support.UsersApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code POST /v1/access/reconciliations}: an auditor runs a pass now (the tests run with the timer off,
 * {@code amc.access.scheduled=false}) and is answered what it did; the pass is an audited action, and only an
 * auditor may start one.
 */
@QuarkusTest
class ReconciliationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anAuditorRunsAPassOverOneAccountAndIsAnsweredWhatItDid() throws Exception {
        String account = UsersApi.newAccount().accountId();
        AccessApi.reconcile(account); // the baseline
        AccessApi.consoleAddUser(account, InvitationsApi.uniqueEmail("reconciled"), "viewer");

        String auditor = Callers.uniqueSubject("auditor");
        String correlationId = UUID.randomUUID().toString();
        AccessReconciliation pass = Callers.as(auditor, "auditor").header("X-Request-Id", correlationId)
                .queryParam("accountId", account).post("/v1/access/reconciliations")
                .then().statusCode(200).extract().as(AccessReconciliation.class);

        assertThat(pass.getAccounts()).isEqualTo(1);
        assertThat(pass.getListed()).isEqualTo(1);
        assertThat(pass.getOutOfBand()).as("the user added behind the facade's back").isEqualTo(1);
        assertThat(pass.getFailed()).isZero();
        assertThat(pass.getCalls()).isPositive();
        assertThat(AccessApi.outOfBandChanges(account)).hasSize(1);

        AuditEvent event = AuditTrail.eventOfRequest("ACCESS_RECONCILE", correlationId);
        assertThat(event.getOutcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(event.getActor().getSubject()).isEqualTo(auditor);
        assertThat(JSON.readValue(event.getRequestSummary(), Map.class)).containsEntry("accountId", account);
    }

    @Test
    void onlyAnAuditorMayStartAPassAndARefusalIsAudited() {
        String admin = Callers.uniqueSubject("admin");
        String correlationId = UUID.randomUUID().toString();
        Callers.as(admin, "amc-admin", "amc-viewer").header("X-Request-Id", correlationId)
                .post("/v1/access/reconciliations")
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));

        AuditEvent event = AuditTrail.eventWithCorrelation(admin, correlationId);
        assertThat(event.getAction()).isEqualTo("ACCESS_RECONCILE");
        assertThat(event.getOutcome()).isEqualTo(AuditOutcome.DENIED);
    }
}
