package io.amcfacade.sandbox.amc;

import static io.amcfacade.sandbox.amc.InvitationCalls.json;
import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Calls the simulated user-permissions and instance APIs over real HTTP, as the facade would. JSON maps on
 * purpose: AMC's wire (contract/upstream/) has no generated model here, and its spelling is the point.
 */
final class UserCalls {

    // The sandbox's own types; every request of every test is also checked against contract/upstream/.
    static final String LIST_USERS_TYPE = SandboxMediaTypes.LIST_USERS;
    static final String LIST_ROLES_TYPE = SandboxMediaTypes.LIST_USER_ROLES;
    static final String SET_ROLES_TYPE = SandboxMediaTypes.SET_USER_ROLES;
    static final String REMOVE_TYPE = SandboxMediaTypes.REMOVE_USERS;
    static final String ADVERTISER_HEADER = "Amazon-Advertising-API-AdvertiserId";
    static final String MARKETPLACE_HEADER = "Amazon-Advertising-API-MarketplaceId";

    private UserCalls() {
    }

    /** A fresh account with its seed admin, so a test owns every user and admin in it. */
    record Account(String accountId, String marketplaceId, String adminEmailAddress) {
    }

    static Account newAccount() {
        var created = given().contentType(ContentType.JSON).body("{\"accountName\":\"Users test\"}")
                .post("/sandbox/accounts").then().statusCode(201).extract().jsonPath();
        return new Account(created.getString("accountId"), created.getString("marketplaceId"),
                created.getString("adminEmailAddress"));
    }

    /** Invites and redeems, so the email becomes a user of the account with the role. */
    static String addUser(String token, String accountId, String email, String role) {
        String invitation = InvitationCalls.invite(token, accountId, email, role);
        InvitationCalls.redeem(InvitationCalls.inviteeToken(email), invitation).statusCode(200);
        return userIdOf(accountId, email);
    }

    static String userIdOf(String accountId, String email) {
        return given().get("/sandbox/accounts/{id}/users", accountId).then().statusCode(200)
                .extract().path("users.find { it.emailAddress == '" + email + "' }.userId");
    }

    static ValidatableResponse listUsers(String token, String accountId, Map<String, Object> request) {
        return InvitationCalls.asAdmin(token, accountId).contentType(LIST_USERS_TYPE).body(json(request))
                .post("/sandbox/users/list").then();
    }

    static ValidatableResponse listRoles(String token, String accountId, Map<String, Object> request) {
        return InvitationCalls.asAdmin(token, accountId).contentType(LIST_ROLES_TYPE).body(json(request))
                .post("/sandbox/userRoles/list").then();
    }

    static String roleOf(String token, String accountId, String userId) {
        return listRoles(token, accountId, Map.of("userId", userId)).statusCode(200).extract().path("roles[0].role");
    }

    static ValidatableResponse setRoles(String token, String accountId, Map<String, String> rolesByUser) {
        List<Map<String, Object>> permissions = rolesByUser.entrySet().stream()
                .map(e -> Map.<String, Object>of("userId", e.getKey(),
                        "permissionSet", Map.of("type", "ROLE", "role", e.getValue())))
                .toList();
        return InvitationCalls.asAdmin(token, accountId).contentType(SET_ROLES_TYPE)
                .body(json(Map.of("userPermissions", permissions))).put("/sandbox/userPermissions").then();
    }

    static ValidatableResponse remove(String token, String accountId, List<String> userIds) {
        return InvitationCalls.asAdmin(token, accountId).contentType(REMOVE_TYPE)
                .body(json(Map.of("users", userIds.stream().map(id -> Map.of("userId", id)).toList())))
                .post("/sandbox/userPermissions/delete").then();
    }
}
