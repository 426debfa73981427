package io.amcfacade.support;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    public static List<Map<String, Object>> listAll(String token, String accountId) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            var page = list(token, accountId, 100, cursor).statusCode(200).extract().jsonPath();
            all.addAll(page.getList("users"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return all;
    }

    public static Optional<Map<String, Object>> listed(String token, String accountId, String userId) {
        return listAll(token, accountId).stream().filter(u -> userId.equals(u.get("userId"))).findFirst();
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

    public static ValidatableResponse batch(String token, String accountId, List<Map<String, Object>> changes) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("changes", changes))
                .patch("/v1/accounts/{account}/users", accountId).then();
    }

    public static Map<String, Object> setRoleChange(String userId, String role) {
        return Map.of("userId", userId, "action", "setRole", "role", role);
    }

    public static Map<String, Object> removal(String userId) {
        return Map.of("userId", userId, "action", "remove");
    }
}
