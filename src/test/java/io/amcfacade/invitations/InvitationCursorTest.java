package io.amcfacade.invitations;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.amcfacade.support.Callers;
import io.amcfacade.support.InvitationsApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A list cursor is bound to the list it was made for: reused on another account or another state
 * filter it is a 400, not a page with invitations silently missing.
 */
@QuarkusTest
class InvitationCursorTest {

    @Test
    void aCursorOfOneListIsRefusedOnAnother() {
        String admin = Callers.token(Callers.uniqueSubject("admin"), "amc-admin");
        for (int i = 0; i < 2; i++) {
            InvitationsApi.create(admin, List.of(InvitationsApi.invitee(InvitationsApi.uniqueEmail("cursor"), "viewer")))
                    .statusCode(200);
        }
        String cursor = list(admin, InvitationsApi.ACCOUNT, "PENDING", null).statusCode(200)
                .body("nextCursor", notNullValue()).extract().path("nextCursor");

        list(admin, InvitationsApi.ACCOUNT, "PENDING", cursor).statusCode(200);
        for (String[] other : new String[][] { { InvitationsApi.ACCOUNT, "REVOKED" }, { InvitationsApi.ACCOUNT, null },
                { "ENTITY2GLOBEXEU000", "PENDING" } }) {
            list(admin, other[0], other[1], cursor).statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("cursor"));
        }
    }

    private static io.restassured.response.ValidatableResponse list(String token, String account, String state,
            String cursor) {
        var request = io.restassured.RestAssured.given().auth().oauth2(token).queryParam("limit", 1);
        if (state != null) {
            request.queryParam("state", state);
        }
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.get("/v1/accounts/" + account + "/invitations").then();
    }
}
