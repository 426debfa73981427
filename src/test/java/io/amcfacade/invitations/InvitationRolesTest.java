package io.amcfacade.invitations;

import static io.amcfacade.support.InvitationsApi.ACCOUNT;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.amcfacade.support.Callers;
import io.amcfacade.support.InvitationsApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Who may do what: admins change, viewers read, auditors do neither, nobody anonymous. */
@QuarkusTest
class InvitationRolesTest {

    private static final String SOME_ID = "amzn1.invitation.roles-test";

    @Test
    void viewersMayReadButNotChange() {
        String viewer = Callers.token(Callers.uniqueSubject("viewer"), "amc-viewer");
        given().auth().oauth2(viewer).get("/v1/accounts/{a}/invitations", ACCOUNT).then().statusCode(200);
        InvitationsApi.create(viewer, List.of(InvitationsApi.invitee("x@example.com", "viewer"))).statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        InvitationsApi.change(viewer, SOME_ID, "revoke").statusCode(403);
        InvitationsApi.change(viewer, SOME_ID, "resend").statusCode(403);
        InvitationsApi.redeem(viewer, SOME_ID, "Atza|x").statusCode(403);
        given().auth().oauth2(viewer).contentType(ContentType.JSON)
                .body(Map.of("updates", List.of(Map.of("invitationId", SOME_ID, "action", "revoke"))))
                .patch("/v1/accounts/{a}/invitations", ACCOUNT).then().statusCode(403);
    }

    @Test
    void auditorsMayNotTouchInvitations() {
        String auditor = Callers.token(Callers.uniqueSubject("auditor"), "auditor");
        given().auth().oauth2(auditor).get("/v1/accounts/{a}/invitations", ACCOUNT).then().statusCode(403);
        InvitationsApi.get(auditor, SOME_ID).statusCode(403);
        InvitationsApi.create(auditor, List.of(InvitationsApi.invitee("x@example.com", "viewer"))).statusCode(403);
    }

    @Test
    void anonymousCallersAreRefusedEverywhere() {
        given().get("/v1/accounts/{a}/invitations", ACCOUNT).then().statusCode(401);
        given().get("/v1/accounts/{a}/invitations/{i}", ACCOUNT, SOME_ID).then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").post("/v1/accounts/{a}/invitations", ACCOUNT).then().statusCode(401);
        given().post("/v1/accounts/{a}/invitations/{i}/revoke", ACCOUNT, SOME_ID).then().statusCode(401);
        given().post("/v1/invitations/{i}/redeem", SOME_ID).then().statusCode(401);
    }

    @Test
    void anAccountTheFacadeDoesNotAdministerIsNotFoundInAnyRegion() {
        // No region lists it: the facade does not guess a host to ask (RegionsTest counts what it sent).
        given().auth().oauth2(Callers.token(Callers.uniqueSubject("admin"), "amc-admin"))
                .get("/v1/accounts/{a}/invitations", "ENTITYNOTOURS")
                .then().statusCode(404).body("code", equalTo("ACCOUNT_NOT_FOUND"));
    }
}
