package io.amcfacade.sandbox.amc;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.amcfacade.sandbox.SandboxCredentials;
import io.amcfacade.support.Sandbox;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Calls the simulated invitation API over real HTTP, as the facade and as invited users would. Bodies are read
 * and written as JSON maps on purpose: this is AMC's wire (contract/upstream/), which has no generated model
 * here, and its exact spelling is what these tests check.
 */
public final class InvitationCalls {

    public static final String ACME = "ENTITY1ACMERETAIL0";
    static final String GLOBEX = "ENTITY2GLOBEXEU000";
    static final String INITECH = "ENTITY3INITECHJP00";
    static final String ACCOUNT_HEADER = "Amazon-Ads-AccountId";
    static final String CLIENT_ID_HEADER = "Amazon-Advertising-API-ClientId";
    // The sandbox's own types; every request of every test is also checked against contract/upstream/.
    static final String CREATE_TYPE = SandboxMediaTypes.CREATE_INVITATIONS;
    static final String UPDATE_TYPE = SandboxMediaTypes.UPDATE_INVITATIONS;
    static final String LIST_TYPE = SandboxMediaTypes.LIST_INVITATIONS;
    static final String REDEEM_TYPE = SandboxMediaTypes.REDEEM_INVITATION;
    static final String INVITATION_ID = "amzn1\\.invitation\\.[0-9a-f]{32}";
    static final long TWO_WEEKS = 14 * 24 * 3600;

    private static final ObjectMapper JSON = new ObjectMapper();

    private InvitationCalls() {
    }

    public static String lwaToken() {
        return Sandbox.lwaToken();
    }

    static String inviteeToken(String emailAddress) {
        return given().contentType(ContentType.JSON).body(json(Map.of("emailAddress", emailAddress)))
                .post("/sandbox/invitee-tokens")
                .then().statusCode(200).extract().path("access_token");
    }

    public static String uniqueEmail(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** Client id and bearer token, as every AMC call carries them. */
    static RequestSpecification as(String token) {
        return given().header(CLIENT_ID_HEADER, SandboxCredentials.CLIENT_ID).auth().oauth2(token);
    }

    static RequestSpecification asAdmin(String token, String accountId) {
        return as(token).header(ACCOUNT_HEADER, accountId);
    }

    public static Map<String, Object> item(String emailAddress, String userName, String role) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("user", Map.of("emailAddress", emailAddress, "userName", userName));
        item.put("permissionSet", Map.of("type", "ROLE", "role", Map.of("name", role)));
        return item;
    }

    public static ValidatableResponse create(String token, String accountId, List<Map<String, Object>> items) {
        return asAdmin(token, accountId).contentType(CREATE_TYPE)
                .body(json(Map.of("userInvitationRequests", items, "notifyInvitedUsers", true)))
                .post("/sandbox/user-invitations").then();
    }

    /** Invites one user and returns the new invitation's id. */
    static String invite(String token, String accountId, String emailAddress, String role) {
        return create(token, accountId, List.of(item(emailAddress, "Invitee", role)))
                .statusCode(200).body("successes", hasSize(1))
                .extract().path("successes[0].invitationId");
    }

    static ValidatableResponse update(String token, String accountId, String invitationId, String state) {
        return asAdmin(token, accountId).contentType(UPDATE_TYPE)
                .body(json(Map.of("updates", List.of(Map.of("invitationId", invitationId, "state", state)))))
                .put("/sandbox/user-invitations").then();
    }

    static ValidatableResponse list(String token, String accountId, Map<String, Object> request) {
        return asAdmin(token, accountId).contentType(LIST_TYPE).body(json(request))
                .post("/sandbox/user-invitations/list").then();
    }

    /** Every invitation of the account, following nextToken to the last page. */
    public static List<Map<String, Object>> listAll(String token, String accountId) {
        List<Map<String, Object>> all = new ArrayList<>();
        String nextToken = null;
        do {
            Map<String, Object> request = new LinkedHashMap<>(Map.of("maxResults", 50));
            if (nextToken != null) {
                request.put("nextToken", nextToken);
            }
            ValidatableResponse page = list(token, accountId, request).statusCode(200);
            all.addAll(page.extract().path("invitations"));
            nextToken = page.extract().path("nextToken");
        } while (nextToken != null);
        return all;
    }

    static ValidatableResponse get(String token, String invitationId) {
        return as(token).get("/sandbox/user-invitations/{id}", invitationId).then();
    }

    static ValidatableResponse redeem(String token, String invitationId) {
        return as(token).contentType(REDEEM_TYPE).body(json(Map.of("invitationId", invitationId)))
                .put("/sandbox/user-invitations/redeem").then();
    }

    static ValidatableResponse expire(String invitationId) {
        return given().post("/sandbox/invitations/{id}/expire", invitationId).then();
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
