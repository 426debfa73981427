package io.amcfacade.support;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.amcfacade.api.model.Role;
import io.amcfacade.api.model.User;
import io.amcfacade.api.model.UserChange;
import io.amcfacade.api.model.UserChangeAction;
import io.amcfacade.api.model.UserPage;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Drives the facade's user endpoints, and gives tests AMC accounts of their own: last-admin rules
 * count every admin of an account, so a test that needs to know them all makes a fresh account.
 */
public final class UsersApi {

    private UsersApi() {
    }

    /** An account only this test uses, with its one seeded admin. */
    public record Account(String accountId, String adminEmailAddress) {
    }

    public static Account newAccount() {
        var created = given().contentType(ContentType.JSON).body(Map.of("accountName", "Users test account"))
                .post("/sandbox/accounts").then().statusCode(201).extract().jsonPath();
        return new Account(created.getString("accountId"), created.getString("adminEmailAddress"));
    }

    /** Invites and redeems through the facade, and answers the new user's id. */
    public static String addUser(String adminToken, String accountId, String email, String role) {
        String invitationId = given().auth().oauth2(adminToken).contentType(ContentType.JSON)
                .body(Map.of("invitations", List.of(InvitationsApi.invitee(email, role))))
                .post("/v1/accounts/{account}/invitations", accountId)
                .then().statusCode(200).extract().path("results[0].invitation.invitationId");
        InvitationsApi.redeem(adminToken, invitationId, InvitationsApi.inviteeToken(email)).statusCode(200);
        return userIdInSandbox(accountId, email);
    }

    /** The user id the sandbox gave an email, read behind the facade's back. */
    public static String userIdInSandbox(String accountId, String email) {
        return given().get("/sandbox/accounts/{id}/users", accountId).then().statusCode(200)
                .extract().path("users.find { it.emailAddress == '" + email + "' }.userId");
    }

    public static ValidatableResponse list(String token, String accountId, Integer limit, String cursor) {
        var request = given().auth().oauth2(token);
        if (limit != null) {
            request.queryParam("limit", limit);
        }
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.get("/v1/accounts/{account}/users", accountId).then();
    }

    /** Every user the facade lists for the account, following cursors. */
    public static List<User> listAll(String token, String accountId) {
        List<User> all = new ArrayList<>();
        String cursor = null;
        do {
            UserPage page = list(token, accountId, 100, cursor).statusCode(200).extract().as(UserPage.class);
            all.addAll(page.getUsers());
            cursor = page.getNextCursor();
        } while (cursor != null);
        return all;
    }

    public static Optional<User> listed(String token, String accountId, String userId) {
        return listAll(token, accountId).stream().filter(u -> userId.equals(u.getUserId())).findFirst();
    }

    public static ValidatableResponse setRole(String token, String accountId, String userId, String role) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("role", role))
                .put("/v1/accounts/{account}/users/{user}/role", accountId, userId).then();
    }

    public static ValidatableResponse setRole(String token, String accountId, String userId, String role,
            String idempotencyKey) {
        return given().auth().oauth2(token).header("Idempotency-Key", idempotencyKey).contentType(ContentType.JSON)
                .body(Map.of("role", role))
                .put("/v1/accounts/{account}/users/{user}/role", accountId, userId).then();
    }

    public static ValidatableResponse remove(String token, String accountId, String userId) {
        return given().auth().oauth2(token).delete("/v1/accounts/{account}/users/{user}", accountId, userId).then();
    }

    /** A batch of changes: {@link UserChange}s, or maps where a test sends what the contract does not allow. */
    public static ValidatableResponse batch(String token, String accountId, List<?> changes) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("changes", changes))
                .patch("/v1/accounts/{account}/users", accountId).then();
    }

    public static UserChange setRoleChange(String userId, String role) {
        return new UserChange(userId, UserChangeAction.SET_ROLE).role(Role.fromValue(role));
    }

    public static UserChange removal(String userId) {
        return new UserChange(userId, UserChangeAction.REMOVE);
    }
}
