package io.amcfacade.resilience;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.support.AuditTrail;
import io.amcfacade.support.Callers;
import io.amcfacade.support.Faults;
import io.amcfacade.support.InvitationsApi;
import io.amcfacade.support.Sandbox;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A create is sent again only when AMC provably did not process it. Whatever the sandbox does to the
 * answer, the simulated AMC ends up with exactly one invitation per invitee, and an unanswered create
 * is audited {@code UNKNOWN} with a problem that says how to check.
 */
@QuarkusTest
class AmbiguousCreateTest {

    private static final String CREATE = "POST /user-invitations";

    @AfterEach
    void healthyAgain() {
        Sandbox.healthyAgain();
    }

    @Test
    void aCreateWhoseConnectionDiesAfterProcessingIsNotRetriedAndIsAuditedUnknown() {
        String subject = Callers.uniqueSubject("admin");
        String email = InvitationsApi.uniqueEmail("lost");
        long creates = Sandbox.requests(CREATE);
        Sandbox.faults(Faults.dropConnections(1.0).afterProcessing().on(CREATE).times(1));

        InvitationsApi.create(Callers.token(subject, "amc-admin"), List.of(InvitationsApi.invitee(email, "viewer")))
                .statusCode(502).contentType("application/problem+json")
                .body("code", equalTo("UPSTREAM_CONNECTION_LOST"))
                .body("detail", containsString("outcome is unknown"))
                .body("detail", containsString("List the account's invitations"));

        assertThat(Sandbox.requests(CREATE)).isEqualTo(creates + 1);
        assertThat(invitationsFor(email)).isEqualTo(1);
        assertThat(AuditTrail.eventsOf(subject).get(0)).returns(AuditOutcome.UNKNOWN, AuditEvent::getOutcome);
    }

    @Test
    void aCreateAnswered500AfterProcessingIsNotRetriedAndIsAuditedUnknown() {
        String subject = Callers.uniqueSubject("admin");
        String email = InvitationsApi.uniqueEmail("fivehundred");
        long creates = Sandbox.requests(CREATE);
        Sandbox.faults(Faults.errors(1.0, 500).afterProcessing().on(CREATE).times(1));

        InvitationsApi.create(Callers.token(subject, "amc-admin"), List.of(InvitationsApi.invitee(email, "viewer")))
                .statusCode(502).body("code", equalTo("UPSTREAM_OUTCOME_UNKNOWN"))
                .body("detail", containsString("GET /v1/accounts/{accountId}/invitations"));

        assertThat(Sandbox.requests(CREATE)).isEqualTo(creates + 1);
        assertThat(invitationsFor(email)).isEqualTo(1);
        assertThat(AuditTrail.eventsOf(subject).get(0)).returns(AuditOutcome.UNKNOWN, AuditEvent::getOutcome);
    }

    @Test
    void aThrottledCreateIsSentAgainAndCreatesExactlyOneInvitation() {
        String email = InvitationsApi.uniqueEmail("throttled");
        long creates = Sandbox.requests(CREATE);
        Sandbox.faults(Faults.throttle(1.0).on(CREATE).times(2));

        InvitationsApi.create(Callers.token(Callers.uniqueSubject("admin"), "amc-admin"),
                List.of(InvitationsApi.invitee(email, "viewer"))).statusCode(200).body("succeeded", equalTo(1));

        assertThat(Sandbox.requests(CREATE)).isEqualTo(creates + 3);
        assertThat(invitationsFor(email)).isEqualTo(1);
    }

    @Test
    void aCreateRefusedWith503BeforeProcessingIsStillNotRetried() {
        String email = InvitationsApi.uniqueEmail("refused");
        long creates = Sandbox.requests(CREATE);
        Sandbox.faults(Faults.errors(1.0, 503).on(CREATE).times(1));

        InvitationsApi.create(Callers.token(Callers.uniqueSubject("admin"), "amc-admin"),
                List.of(InvitationsApi.invitee(email, "viewer"))).statusCode(502)
                .body("code", equalTo("UPSTREAM_OUTCOME_UNKNOWN"));

        assertThat(Sandbox.requests(CREATE)).as("a 503 does not prove AMC did nothing").isEqualTo(creates + 1);
        assertThat(invitationsFor(email)).isZero();
    }

    /** How many invitations the simulated AMC holds for an email, in any state. */
    private static long invitationsFor(String email) {
        return Sandbox.invitations(InvitationsApi.ACCOUNT).stream().filter(email::equalsIgnoreCase).count();
    }
}
