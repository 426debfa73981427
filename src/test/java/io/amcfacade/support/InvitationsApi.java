package io.amcfacade.support;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.amcfacade.api.model.CreateInvitationsResult;
import io.amcfacade.api.model.Invitation;
import io.amcfacade.api.model.InvitationPage;
import io.amcfacade.api.model.InvitationRequest;
import io.amcfacade.api.model.Role;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Drives the facade's invitation endpoints and the sandbox's invitee side, as a caller and an invitee would. */
public final class InvitationsApi {

    public static final String ACCOUNT = "ENTITY1ACMERETAIL0";

    private InvitationsApi() {
    }

    public static String uniqueEmail(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    public static InvitationRequest invitee(String email, String role) {
        return new InvitationRequest(email, "User " + email.substring(0, email.indexOf('@')), Role.fromValue(role));
    }

    /** Creates invitations: {@link InvitationRequest}s, or maps where a test sends what the contract does not allow. */
    public static ValidatableResponse create(String token, List<?> invitations) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("invitations", invitations, "notifyInvitedUsers", true))
                .post("/v1/accounts/{account}/invitations", ACCOUNT)
                .then();
    }

    /** Invites one person and answers the new invitation id. */
    public static String inviteOne(String token, String email, String role) {
        return create(token, List.of(invitee(email, role))).statusCode(200)
                .extract().as(CreateInvitationsResult.class).getResults().get(0).getInvitation().getInvitationId();
    }

    public static ValidatableResponse get(String token, String invitationId) {
        return given().auth().oauth2(token).get("/v1/accounts/{account}/invitations/{id}", ACCOUNT, invitationId).then();
    }

    public static ValidatableResponse change(String token, String invitationId, String action) {
        return given().auth().oauth2(token).post("/v1/accounts/{account}/invitations/{id}/" + action, ACCOUNT, invitationId)
                .then();
    }

    public static String inviteeToken(String email) {
        return given().contentType(ContentType.JSON).body(Map.of("emailAddress", email))
                .post("/sandbox/invitee-tokens").then().statusCode(200).extract().path("access_token");
    }

    public static ValidatableResponse redeem(String token, String invitationId, String inviteeToken) {
        return given().auth().oauth2(token).header("X-Amz-Invitee-Token", inviteeToken)
                .post("/v1/invitations/{id}/redeem", invitationId).then();
    }

    /** Every invitation of the account the facade lists, following cursors. */
    public static List<Invitation> listAll(String token, String state, int limit) {
        List<Invitation> all = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(token).queryParam("limit", limit);
            if (state != null) {
                request.queryParam("state", state);
            }
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            InvitationPage page = request.get("/v1/accounts/{account}/invitations", ACCOUNT).then().statusCode(200)
                    .extract().as(InvitationPage.class);
            all.addAll(page.getInvitations());
            cursor = page.getNextCursor();
        } while (cursor != null);
        return all;
    }
}
