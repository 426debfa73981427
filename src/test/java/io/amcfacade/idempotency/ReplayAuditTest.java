package io.amcfacade.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * A replayed answer is audited as a replay of the original action, with the outcome that action had
 * and a link to its event and correlation id; the replayed problem carries the replay's correlation id.
 * Before, the replay of an ambiguous 502 was audited FAILED without a code, and its correlationId was null.
 */
@QuarkusTest
class ReplayAuditTest {

    private static final String CREATE = "POST /user-invitations";

    @AfterEach
    void healthyAgain() {
        Sandbox.healthyAgain();
    }

    @Test
    void theReplayOfAnAmbiguous502IsAuditedAsAReplayWithTheOriginalsOutcome() {
        String subject = Callers.uniqueSubject("admin");
        String token = Callers.token(subject, "amc-admin");
        String key = "replay-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("invitations", List.of(InvitationsApi.invitee(InvitationsApi.uniqueEmail("replay"), "viewer")));
        Sandbox.faults(Faults.errors(1.0, 500).afterProcessing().on(CREATE).times(1));
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();

        create(token, key, first, body).statusCode(502).body("code", equalTo("UPSTREAM_OUTCOME_UNKNOWN"));
        long creates = Sandbox.requests(CREATE);
        create(token, key, second, body).statusCode(502).header("Idempotent-Replayed", "true")
                .contentType("application/problem+json")
                .body("code", equalTo("UPSTREAM_OUTCOME_UNKNOWN"))
                .body("correlationId", equalTo(second));

        assertThat(Sandbox.requests(CREATE)).as("the replay sent nothing").isEqualTo(creates);
        AuditEvent original = AuditTrail.eventOfRequest("INVITATIONS_CREATE", first);
        AuditEvent replay = AuditTrail.eventOfRequest("INVITATIONS_CREATE", second);
        assertThat(original).returns(AuditOutcome.UNKNOWN, AuditEvent::getOutcome);
        assertThat(replay).returns(AuditOutcome.UNKNOWN, AuditEvent::getOutcome).returns("UPSTREAM_OUTCOME_UNKNOWN", AuditEvent::getErrorCode);
        assertThat(replay.getDetail()).startsWith("Replay of audit event " + original.getEventId())
                .contains("correlation id " + first);
    }

    private static io.restassured.response.ValidatableResponse create(String token, String key, String correlationId,
            Map<String, Object> body) {
        return io.restassured.RestAssured.given().auth().oauth2(token).header("Idempotency-Key", key)
                .header("X-Request-Id", correlationId).contentType("application/json").body(body)
                .post("/v1/accounts/" + InvitationsApi.ACCOUNT + "/invitations").then();
    }
}
