package io.amcfacade.sandbox.amc;

import static io.amcfacade.sandbox.amc.InvitationCalls.ACME;
import static io.amcfacade.sandbox.amc.InvitationCalls.GLOBEX;
import static io.amcfacade.sandbox.amc.InvitationCalls.INITECH;
import static io.amcfacade.sandbox.amc.InvitationCalls.TWO_WEEKS;
import static io.amcfacade.sandbox.amc.InvitationCalls.expire;
import static io.amcfacade.sandbox.amc.InvitationCalls.get;
import static io.amcfacade.sandbox.amc.InvitationCalls.invite;
import static io.amcfacade.sandbox.amc.InvitationCalls.listAll;
import static io.amcfacade.sandbox.amc.InvitationCalls.uniqueEmail;
import static io.amcfacade.sandbox.amc.InvitationCalls.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The invitation state machine as the simulated AMC API exposes it: revoke, resend and expiry
 * (PENDING to REVOKED, EXPIRED back to PENDING on resend; ACCEPTED is covered with redeem).
 */
@QuarkusTest
class SandboxInvitationLifecycleTest {

    private String token;

    @BeforeEach
    void freshAccessToken() {
        token = InvitationCalls.lwaToken();
    }

    @Test
    void revokingARevokedInvitationIsAnInvalidStateTransition() {
        String id = invite(token, ACME, uniqueEmail("revoke"), "viewer");

        update(token, ACME, id, "REVOKED").statusCode(200)
                .body("successes", contains(Map.of("invitationId", id, "state", "REVOKED")))
                .body("errors", empty());
        get(token, id).body("invitation.state", equalTo("REVOKED"));

        update(token, ACME, id, "REVOKED").statusCode(200)
                .body("successes", empty())
                .body("errors[0].errorCode", equalTo("INVALID_STATE_TRANSITION"))
                .body("errors[0].errorMessage", equalTo("Invitation is already REVOKED"))
                .body("errors[0].identifier", equalTo(id));
    }

    @Test
    void resendingARevokedInvitationIsAnInvalidStateTransition() {
        String id = invite(token, ACME, uniqueEmail("resend-revoked"), "viewer");
        update(token, ACME, id, "REVOKED").statusCode(200);

        update(token, ACME, id, "RESENT").statusCode(200)
                .body("errors[0].errorCode", equalTo("INVALID_STATE_TRANSITION"))
                .body("errors[0].errorMessage", equalTo("Invitation is REVOKED"));
        get(token, id).body("invitation.state", equalTo("REVOKED"));
    }

    @Test
    void resendingAnExpiredInvitationMakesItPendingForAnotherTwoWeeks() {
        String id = invite(token, GLOBEX, uniqueEmail("resend"), "viewer");
        expire(id).statusCode(200).body("state", equalTo("EXPIRED"));

        update(token, GLOBEX, id, "RESENT").statusCode(200)
                .body("successes", contains(Map.of("invitationId", id, "state", "RESENT")));

        Map<String, Object> invitation = get(token, id).statusCode(200).extract().path("invitation");
        assertThat(invitation).containsEntry("state", "PENDING");
        long now = Instant.now().getEpochSecond();
        assertThat(((Number) invitation.get("expiration")).longValue()).isBetween(now + TWO_WEEKS - 5, now + TWO_WEEKS);
    }

    @Test
    void anUpdateBatchReportsUnknownIdsAndUnknownStatesPerItem() {
        String id = invite(token, ACME, uniqueEmail("batch"), "viewer");
        String unknown = "amzn1.invitation.ffffffffffffffffffffffffffffffff";
        String body = InvitationCalls.json(Map.of("notifyInvitedUsers", false, "updates", List.of(
                Map.of("invitationId", unknown, "state", "REVOKED"),
                Map.of("invitationId", id, "state", "ACCEPTED"),
                Map.of("invitationId", id, "state", "RESENT"))));

        InvitationCalls.asAdmin(token, ACME).contentType(InvitationCalls.UPDATE_TYPE).body(body)
                .put("/sandbox/user-invitations").then().statusCode(200)
                .body("successes", contains(Map.of("invitationId", id, "state", "RESENT")))
                .body("errors.errorCode", contains("NOT_FOUND", "INVALID_STATE"))
                .body("errors.identifier", contains(unknown, id));
    }

    @Test
    void anInvitationInAnotherAccountIsNotFoundForUpdate() {
        String id = invite(token, ACME, uniqueEmail("elsewhere"), "viewer");

        update(token, GLOBEX, id, "REVOKED").statusCode(200).body("errors[0].errorCode", equalTo("NOT_FOUND"));
        get(token, id).body("invitation.state", equalTo("PENDING"));
    }

    @Test
    void anExpiredInvitationReadsAsExpiredAndCanStillBeRevoked() {
        String email = uniqueEmail("expiring");
        String id = invite(token, INITECH, email, "viewer");

        expire(id).statusCode(200);

        get(token, id).body("invitation.state", equalTo("EXPIRED"));
        assertThat(listAll(token, INITECH)).filteredOn(i -> id.equals(i.get("invitationId")))
                .singleElement().extracting(i -> i.get("state")).isEqualTo("EXPIRED");
        // Only a pending invitation blocks a new one for the same address.
        invite(token, INITECH, email, "viewer");
        update(token, INITECH, id, "REVOKED").statusCode(200).body("errors", empty());
        get(token, id).body("invitation.state", equalTo("REVOKED"));
    }

    @Test
    void expiringAnUnknownInvitationIs404() {
        expire("amzn1.invitation.unknown").statusCode(404).contentType("application/problem+json");
    }
}
