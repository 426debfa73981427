package io.amcfacade.invitations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.api.model.AuditTarget;
import io.amcfacade.support.AuditTrail;
import io.amcfacade.support.Callers;
import io.amcfacade.support.InvitationsApi;
import io.quarkus.test.junit.QuarkusTest;

/** Redeeming forwards the invitee's own token and never keeps it. */
@QuarkusTest
class RedeemTest {

    @Test
    void theInviteesTokenRedeemsTheirInvitationAndIsNeverAudited() {
        String admin = Callers.uniqueSubject("admin");
        String token = Callers.token(admin, "amc-admin");
        String email = InvitationsApi.uniqueEmail("paul");
        String id = InvitationsApi.inviteOne(token, email, "viewer");
        String inviteeToken = InvitationsApi.inviteeToken(email);

        InvitationsApi.redeem(token, id, inviteeToken).statusCode(200).body("state", equalTo("ACCEPTED"));

        AuditEvent event = AuditTrail.eventsOf(admin).get(0);
        assertThat(event).returns("INVITATION_REDEEM", AuditEvent::getAction).returns(AuditOutcome.SUCCEEDED, AuditEvent::getOutcome)
                .returns(id, AuditEvent::getTargetId);
        assertThat(event.toString()).doesNotContain(inviteeToken).doesNotContain(inviteeToken.substring(5, 30));
        assertThat(event.getTargets())
                .anySatisfy(t -> assertThat(t).returns(email, AuditTarget::getId).returns("viewer", AuditTarget::getRole));
    }

    @Test
    void someoneElsesTokenIsA403AndTheInvitationStaysPending() {
        String token = Callers.token(Callers.uniqueSubject("admin"), "amc-admin");
        String id = InvitationsApi.inviteOne(token, InvitationsApi.uniqueEmail("quinn"), "viewer");

        InvitationsApi.redeem(token, id, InvitationsApi.inviteeToken(InvitationsApi.uniqueEmail("mallory")))
                .statusCode(403).contentType("application/problem+json").body("code", equalTo("REDEEM_FORBIDDEN"));

        InvitationsApi.get(token, id).statusCode(200).body("state", equalTo("PENDING"));
    }

    @Test
    void anInvalidInviteeTokenIsA422AndTheFacadesOwnTokenIsNotUsedInstead() {
        String token = Callers.token(Callers.uniqueSubject("admin"), "amc-admin");
        String id = InvitationsApi.inviteOne(token, InvitationsApi.uniqueEmail("rita"), "viewer");

        InvitationsApi.redeem(token, id, "Atza|not-a-real-token").statusCode(422)
                .body("code", equalTo("INVITEE_TOKEN_REJECTED"));

        InvitationsApi.get(token, id).statusCode(200).body("state", equalTo("PENDING"));
    }

    @Test
    void redeemingTwiceIsA409() {
        String token = Callers.token(Callers.uniqueSubject("admin"), "amc-admin");
        String email = InvitationsApi.uniqueEmail("sam");
        String id = InvitationsApi.inviteOne(token, email, "admin");
        String inviteeToken = InvitationsApi.inviteeToken(email);
        InvitationsApi.redeem(token, id, inviteeToken).statusCode(200);

        InvitationsApi.redeem(token, id, inviteeToken).statusCode(409).body("code", equalTo("INVITATION_NOT_REDEEMABLE"));
    }

    @Test
    void aMissingInviteeTokenIsA400NamingTheHeader() {
        given().auth().oauth2(Callers.token(Callers.uniqueSubject("admin"), "amc-admin"))
                .post("/v1/invitations/{id}/redeem", "amzn1.invitation.abc")
                .then().statusCode(400).body("errors[0].field", equalTo("X-Amz-Invitee-Token"));
    }
}
