package io.amcfacade.resilience;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.amcfacade.api.model.AuditUpstream;
import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.support.AuditTrail;
import io.amcfacade.support.Callers;
import io.amcfacade.support.Faults;
import io.amcfacade.support.InvitationsApi;
import io.amcfacade.support.Sandbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Retries of a read (listing an account's instances) against the sandbox's injected faults, counted at
 * the sandbox. Timings come from the test profile: back-off of tens of milliseconds, a 5 s deadline,
 * 2 s per attempt, {@code Retry-After} honoured up to 2 s.
 */
@QuarkusTest
class UpstreamRetryTest {

    static final String LIST_INSTANCES = "GET /amc/instances";
    private static final String GET_INSTANCE = "GET /amc/instances/{id}";
    private static final String UPDATE_INVITATIONS = "PUT /user-invitations";
    private static final long DEADLINE_MS = 5000;

    /** The first read also fetches the account's marketplace and an LWA token; timed reads come after it. */
    @BeforeEach
    void warmedUp() {
        listInstances(Callers.uniqueSubject("viewer")).statusCode(200);
    }

    @AfterEach
    void healthyAgain() {
        Sandbox.healthyAgain();
    }

    @Test
    void retriesAfterThrottlingAndHonoursRetryAfter() {
        String subject = Callers.uniqueSubject("viewer");
        long requests = Sandbox.requests(LIST_INSTANCES);
        Sandbox.faults(Faults.throttle(1.0).retryAfter(1).on(LIST_INSTANCES).times(1));

        long started = System.nanoTime();
        listInstances(subject).statusCode(200);
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(tookMs).as("waited the Retry-After second before the second attempt").isBetween(1000L, DEADLINE_MS);
        assertThat(Sandbox.requests(LIST_INSTANCES)).isEqualTo(requests + 2);
        assertThat(AuditTrail.eventsOf(subject).get(0).getUpstream()).returns(2, AuditUpstream::getAttempts)
                .returns(200, AuditUpstream::getStatus);
    }

    @Test
    void throttlingWithoutRetryAfterIsRetriedWithBackoff() {
        String subject = Callers.uniqueSubject("viewer");
        long requests = Sandbox.requests(LIST_INSTANCES);
        Sandbox.faults(Faults.throttle(1.0).on(LIST_INSTANCES).times(2));

        listInstances(subject).statusCode(200);

        assertThat(Sandbox.requests(LIST_INSTANCES)).isEqualTo(requests + 3);
        assertThat(AuditTrail.eventsOf(subject).get(0).getUpstream()).returns(3, AuditUpstream::getAttempts);
    }

    @Test
    void serverErrorsAreRetriedUntilTheAttemptsRunOut() {
        long errors = Sandbox.errors(LIST_INSTANCES);
        Sandbox.faults(Faults.errors(1.0, 503).on(LIST_INSTANCES));

        listInstances(Callers.uniqueSubject("viewer")).statusCode(502)
                .contentType("application/problem+json")
                .body("code", equalTo("UPSTREAM_ERROR")).body("upstreamStatus", equalTo(503));

        assertThat(Sandbox.errors(LIST_INSTANCES)).as("three attempts, no more").isEqualTo(errors + 3);
    }

    @Test
    void aRetryAfterBeyondTheCapIsPassedToTheCallerInsteadOfWaitedFor() {
        long requests = Sandbox.requests(LIST_INSTANCES);
        // Three seconds: beyond the test profile's 2 s cap, within its 5 s deadline.
        Sandbox.faults(Faults.throttle(1.0).retryAfter(3).on(LIST_INSTANCES));

        listInstances(Callers.uniqueSubject("viewer")).statusCode(503)
                .header("Retry-After", "3").body("code", equalTo("UPSTREAM_THROTTLED"));

        assertThat(Sandbox.requests(LIST_INSTANCES)).as("not waited for, so not sent again").isEqualTo(requests + 1);
    }

    @Test
    void theCallerNeverWaitsLongerThanTheDeadline() {
        Sandbox.faults(Faults.latency(3000).on(LIST_INSTANCES));

        long started = System.nanoTime();
        listInstances(Callers.uniqueSubject("viewer")).statusCode(504)
                .body("code", equalTo("UPSTREAM_TIMEOUT")).body("detail", containsString("outcome is unknown"));
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        // Attempts of 2 s each against 3 s of latency: the deadline, not the attempts, ends the wait.
        assertThat(tookMs).as("the answer itself and its audit outcome take a little after the deadline")
                .isBetween(DEADLINE_MS - 1000, DEADLINE_MS + 1000);
    }

    @Test
    void answersNoRetryCanChangeAreNotRetried() {
        long requests = Sandbox.requests(GET_INSTANCE);

        Callers.as(Callers.uniqueSubject("viewer"), "amc-viewer")
                .get("/v1/accounts/{account}/instances/{id}", InvitationsApi.ACCOUNT, "amc0000000000")
                .then().statusCode(404);

        assertThat(Sandbox.requests(GET_INSTANCE)).isEqualTo(requests + 1);
    }

    @Test
    void aRevokeWhoseAnswerWasLostIsSentAgainAndReportsTheRevocation() {
        String admin = Callers.token(Callers.uniqueSubject("admin"), "amc-admin");
        String invitationId = InvitationsApi.inviteOne(admin, InvitationsApi.uniqueEmail("revoke-lost"), "viewer");
        long updates = Sandbox.requests(UPDATE_INVITATIONS);
        Sandbox.faults(Faults.dropConnections(1.0).afterProcessing().on(UPDATE_INVITATIONS).times(1));

        given().auth().oauth2(admin)
                .post("/v1/accounts/{account}/invitations/{id}/revoke", InvitationsApi.ACCOUNT, invitationId)
                .then().statusCode(200).body("state", equalTo("REVOKED"));

        assertThat(Sandbox.requests(UPDATE_INVITATIONS)).as("the lost answer, then AMC's 'already REVOKED'")
                .isEqualTo(updates + 2);
    }

    static ValidatableResponse listInstances(String subject) {
        return Callers.as(subject, "amc-viewer").get("/v1/accounts/{account}/instances", InvitationsApi.ACCOUNT).then();
    }
}
