package io.amcfacade.invitations;

import static io.amcfacade.support.InvitationsApi.ACCOUNT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.amcfacade.api.model.Invitation;
import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.api.model.AuditTarget;
import io.amcfacade.support.AuditTrail;
import io.amcfacade.support.Callers;
import io.amcfacade.support.InvitationsApi;
import io.amcfacade.support.Sandbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class InvitationLifecycleTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void anAdminAndAViewerInvitationGoThroughTheirWholeLifecycle() {
        String admin = Callers.uniqueSubject("onboarding");
        String token = Callers.token(admin, "amc-admin");
        String adminEmail = InvitationsApi.uniqueEmail("carol");
        String viewerEmail = InvitationsApi.uniqueEmail("bob");

        var created = InvitationsApi.create(token, List.of(InvitationsApi.invitee(adminEmail, "admin"),
                InvitationsApi.invitee(viewerEmail, "viewer"))).statusCode(200)
                .contentType("application/json")
                .body("succeeded", equalTo(2)).body("failed", equalTo(0))
                .body("results[0].status", equalTo("CREATED"))
                .body("results[0].invitation.role", equalTo("admin"))
                .body("results[1].invitation.role", equalTo("viewer"))
                .body("results[1].invitation.state", equalTo("PENDING"))
                .extract().jsonPath();
        String adminInvitation = created.getString("results[0].invitation.invitationId");
        String viewerInvitation = created.getString("results[1].invitation.invitationId");

        InvitationsApi.get(token, viewerInvitation).statusCode(200)
                .body("invitationId", equalTo(viewerInvitation))
                .body("accountId", equalTo(ACCOUNT))
                .body("emailAddress", equalTo(viewerEmail))
                .body("role", equalTo("viewer"))
                .body("state", equalTo("PENDING"))
                .body("createdBy", notNullValue())
                // Found in the account's list (decision 0010): the invitee's terms come only with AMC's get.
                .body("$", not(hasKey("termsTypes")));
        String created14 = InvitationsApi.get(token, viewerInvitation).extract().path("createdAt");
        String expires14 = InvitationsApi.get(token, viewerInvitation).extract().path("expiresAt");
        assertThat(Duration.between(OffsetDateTime.parse(created14), OffsetDateTime.parse(expires14)))
                .isEqualTo(Duration.ofDays(14));

        assertThat(InvitationsApi.listAll(token, "PENDING", 50)).extracting(Invitation::getInvitationId)
                .contains(adminInvitation, viewerInvitation);

        InvitationsApi.change(token, viewerInvitation, "resend").statusCode(200).body("state", equalTo("PENDING"));
        InvitationsApi.change(token, viewerInvitation, "revoke").statusCode(200).body("state", equalTo("REVOKED"));
        InvitationsApi.get(token, viewerInvitation).statusCode(200).body("state", equalTo("REVOKED"));

        InvitationsApi.redeem(token, adminInvitation, InvitationsApi.inviteeToken(adminEmail)).statusCode(200)
                .body("invitationId", equalTo(adminInvitation)).body("state", equalTo("ACCEPTED"));
        InvitationsApi.get(token, adminInvitation).statusCode(200).body("state", equalTo("ACCEPTED"));
        given().get("/sandbox/accounts/{account}/users", ACCOUNT).then().statusCode(200)
                .body("users.find { it.emailAddress == '" + adminEmail + "' }.role", equalTo("ADMIN"));

        List<String> actions = AuditTrail.eventsOf(admin).stream().map(e -> (String) e.getAction()).toList();
        assertThat(actions).contains("INVITATIONS_CREATE", "INVITATION_GET", "INVITATIONS_LIST", "INVITATION_RESEND",
                "INVITATION_REVOKE", "INVITATION_REDEEM");
    }

    @Test
    void revokingARevokedInvitationIsA409AndAmcIsNotAskedToChangeIt() {
        String token = Callers.token(Callers.uniqueSubject("admin"), "amc-admin");
        String id = InvitationsApi.inviteOne(token, InvitationsApi.uniqueEmail("dave"), "viewer");
        InvitationsApi.change(token, id, "revoke").statusCode(200);
        long updates = Sandbox.requests("PUT /user-invitations");

        InvitationsApi.change(token, id, "revoke").statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("INVALID_STATE_TRANSITION"))
                .body("detail", equalTo("Invitation " + id + " is REVOKED and cannot be revoked."));

        assertThat(Sandbox.requests("PUT /user-invitations")).isEqualTo(updates);
    }

    @Test
    void resendingARevokedOrAcceptedInvitationIsA409() {
        String token = Callers.token(Callers.uniqueSubject("admin"), "amc-admin");
        String revoked = InvitationsApi.inviteOne(token, InvitationsApi.uniqueEmail("erin"), "viewer");
        InvitationsApi.change(token, revoked, "revoke").statusCode(200);
        String email = InvitationsApi.uniqueEmail("frank");
        String accepted = InvitationsApi.inviteOne(token, email, "viewer");
        InvitationsApi.redeem(token, accepted, InvitationsApi.inviteeToken(email)).statusCode(200);

        InvitationsApi.change(token, revoked, "resend").statusCode(409).body("code", equalTo("INVALID_STATE_TRANSITION"));
        InvitationsApi.change(token, accepted, "resend").statusCode(409)
                .body("detail", equalTo("Invitation " + accepted + " is ACCEPTED and cannot be resent."));
        InvitationsApi.change(token, accepted, "revoke").statusCode(409).body("code", equalTo("INVALID_STATE_TRANSITION"));
    }

    @Test
    void anExpiredInvitationReadsExpiredAndAResendRenewsIt() {
        String token = Callers.token(Callers.uniqueSubject("admin"), "amc-admin");
        String id = InvitationsApi.inviteOne(token, InvitationsApi.uniqueEmail("gina"), "viewer");
        given().post("/sandbox/invitations/{id}/expire", id).then().statusCode(200);

        InvitationsApi.get(token, id).statusCode(200).body("state", equalTo("EXPIRED"));
        assertThat(InvitationsApi.listAll(token, "EXPIRED", 50)).extracting(Invitation::getInvitationId).contains(id);
        assertThat(InvitationsApi.listAll(token, "PENDING", 50)).extracting(Invitation::getInvitationId).doesNotContain(id);

        InvitationsApi.change(token, id, "resend").statusCode(200).body("state", equalTo("PENDING"));
        InvitationsApi.get(token, id).statusCode(200).body("state", equalTo("PENDING"));
    }

    @Test
    void aPartlySuccessfulBatchReportsEveryInviteeAndIsAuditedAsPartial() {
        String admin = Callers.uniqueSubject("admin");
        String token = Callers.token(admin, "amc-admin");
        String already = InvitationsApi.uniqueEmail("hank");
        String fresh = InvitationsApi.uniqueEmail("iris");
        InvitationsApi.inviteOne(token, already, "viewer");

        InvitationsApi.create(token, List.of(InvitationsApi.invitee(already, "viewer"), InvitationsApi.invitee(fresh, "admin")))
                .statusCode(200)
                .body("succeeded", equalTo(1)).body("failed", equalTo(1))
                .body("results[0].emailAddress", equalTo(already))
                .body("results[0].status", equalTo("FAILED"))
                .body("results[0].error.code", equalTo("DUPLICATE_INVITATION"))
                .body("results[1].status", equalTo("CREATED"))
                .body("results[1].invitation.invitationId", notNullValue());

        AuditEvent event = AuditTrail.eventsOf(admin).get(0);
        assertThat(event).returns("INVITATIONS_CREATE", AuditEvent::getAction).returns(AuditOutcome.PARTIAL, AuditEvent::getOutcome)
                .returns(ACCOUNT, AuditEvent::getAccountId);
        List<AuditTarget> targets = event.getTargets();
        assertThat(targets).anySatisfy(t -> assertThat(t).returns(already, AuditTarget::getId).returns("FAILED", AuditTarget::getOutcome)
                .returns("DUPLICATE_INVITATION", AuditTarget::getErrorCode));
        assertThat(targets).anySatisfy(t -> assertThat(t).returns(fresh, AuditTarget::getId).returns("CREATED", AuditTarget::getOutcome)
                .returns("admin", AuditTarget::getRole));
        assertThat(targets).anySatisfy(t -> assertThat(t).returns("INVITATION", AuditTarget::getKind).returns("CREATED", AuditTarget::getOutcome));
    }

    @Test
    void aBatchUpdateReportsEveryInvitation() {
        String token = Callers.token(Callers.uniqueSubject("admin"), "amc-admin");
        String pending = InvitationsApi.inviteOne(token, InvitationsApi.uniqueEmail("jack"), "viewer");
        String revoked = InvitationsApi.inviteOne(token, InvitationsApi.uniqueEmail("kate"), "viewer");
        InvitationsApi.change(token, revoked, "revoke").statusCode(200);

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("updates", List.of(Map.of("invitationId", pending, "action", "revoke"),
                        Map.of("invitationId", revoked, "action", "resend"))))
                .patch("/v1/accounts/{account}/invitations", ACCOUNT)
                .then().statusCode(200)
                .body("succeeded", equalTo(1)).body("failed", equalTo(1))
                .body("results[0].status", equalTo("UPDATED"))
                .body("results[1].status", equalTo("FAILED"))
                .body("results[1].error.code", equalTo("INVALID_STATE_TRANSITION"));

        InvitationsApi.get(token, pending).statusCode(200).body("state", equalTo("REVOKED"));
    }

    @Test
    void theListPagesWithTheFacadesOwnCursor() {
        String token = Callers.token(Callers.uniqueSubject("admin"), "amc-admin");
        List<String> mine = List.of(InvitationsApi.inviteOne(token, InvitationsApi.uniqueEmail("lena"), "viewer"),
                InvitationsApi.inviteOne(token, InvitationsApi.uniqueEmail("mike"), "viewer"),
                InvitationsApi.inviteOne(token, InvitationsApi.uniqueEmail("nora"), "viewer"));

        List<String> ids = InvitationsApi.listAll(token, null, 2).stream().map(Invitation::getInvitationId).toList();

        assertThat(ids).doesNotHaveDuplicates().containsAll(mine);
    }

    @Test
    void anUnknownInvitationIsA404Problem() {
        InvitationsApi.get(Callers.token(Callers.uniqueSubject("viewer"), "amc-viewer"), "amzn1.invitation.unknown")
                .statusCode(404).contentType(PROBLEM_JSON).body("code", equalTo("INVITATION_NOT_FOUND"));
    }

    @Test
    void whoInvitedSomeoneIsOneAuditQuery() {
        String admin = Callers.uniqueSubject("svc-portal");
        String token = Callers.token(admin, "amc-admin");
        String email = InvitationsApi.uniqueEmail("olga");
        InvitationsApi.create(token, List.of(InvitationsApi.invitee(email, "admin"))).statusCode(200);

        var events = Callers.as(Callers.uniqueSubject("auditor"), "auditor")
                .queryParam("targetId", email.toUpperCase()).queryParam("action", "INVITATIONS_CREATE")
                .get("/v1/audit/events").then().statusCode(200).extract().jsonPath();

        assertThat(events.getList("events")).hasSize(1);
        assertThat(events.getString("events[0].actor.subject")).isEqualTo(admin);
        assertThat(events.getString("events[0].requestSummary")).contains(email).contains("\"role\":\"admin\"");
    }
}
