package io.amcfacade.sandbox.amc;

import static io.amcfacade.sandbox.amc.InvitationCalls.ACCOUNT_HEADER;
import static io.amcfacade.sandbox.amc.InvitationCalls.ACME;
import static io.amcfacade.sandbox.amc.InvitationCalls.CLIENT_ID_HEADER;
import static io.amcfacade.sandbox.amc.InvitationCalls.CREATE_TYPE;
import static io.amcfacade.sandbox.amc.InvitationCalls.item;
import static io.amcfacade.sandbox.amc.InvitationCalls.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.amcfacade.sandbox.SandboxCredentials;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** The checks the simulated invitation API makes before it reads a body, and what it counts. */
@QuarkusTest
class SandboxInvitationHeadersTest {

    private static final String CREATE = "POST /user-invitations";

    private String token;

    @BeforeEach
    void freshAccessToken() {
        token = InvitationCalls.lwaToken();
    }

    @Test
    void aMissingAccountHeaderIs400() {
        post(InvitationCalls.as(token), CREATE_TYPE).statusCode(400)
                .header("x-amzn-RequestId", matchesPattern("[0-9A-F]{20}"))
                .body("message", equalTo("Missing Amazon-Ads-AccountId header"))
                .body("requestId", nullValue());
    }

    @Test
    void anOverlongOrSpacedAccountHeaderIs400() {
        post(InvitationCalls.asAdmin(token, "E".repeat(121)), CREATE_TYPE).statusCode(400)
                .body("message", equalTo("Invalid Amazon-Ads-AccountId header"));
        post(InvitationCalls.asAdmin(token, "ENTITY1 ACME"), CREATE_TYPE).statusCode(400)
                .body("message", equalTo("Invalid Amazon-Ads-AccountId header"));
    }

    @Test
    void anAccountTheCallerDoesNotAdministerIs403() {
        post(InvitationCalls.asAdmin(token, "ENTITY9UNKNOWN0000"), CREATE_TYPE).statusCode(403)
                .body("message", equalTo("Not an administrator of this account"));
    }

    @Test
    void aPlainJsonContentTypeIs415() {
        post(InvitationCalls.asAdmin(token, ACME), "application/json").statusCode(415)
                .contentType("application/json")
                .body("message", equalTo("Unsupported media type"));
        InvitationCalls.asAdmin(token, ACME).contentType(InvitationCalls.LIST_TYPE).body("{}")
                .put("/sandbox/user-invitations").then().statusCode(415);
    }

    @Test
    void theVendorMediaTypeMatchesInAnyCaseAndWithParameters() {
        post(InvitationCalls.asAdmin(token, ACME), CREATE_TYPE.toLowerCase() + "; charset=UTF-8").statusCode(200)
                .body("successes", hasSize(1));
    }

    @Test
    void aVendorAcceptHeaderIsServed() {
        post(InvitationCalls.asAdmin(token, ACME).accept(CREATE_TYPE), CREATE_TYPE).statusCode(200)
                .body("successes", hasSize(1));
    }

    @Test
    void aMissingUnknownOrInviteeBearerTokenIs401() {
        RequestSpecification noBearer = given().header(CLIENT_ID_HEADER, SandboxCredentials.CLIENT_ID)
                .header(ACCOUNT_HEADER, ACME);
        post(noBearer, CREATE_TYPE).statusCode(401).body("message", matchesPattern(".*access token.*"));
        post(InvitationCalls.asAdmin("Atza|forged", ACME), CREATE_TYPE).statusCode(401);
        String invitee = InvitationCalls.inviteeToken(uniqueEmail("sneaky"));
        post(InvitationCalls.asAdmin(invitee, ACME), CREATE_TYPE).statusCode(401);
        InvitationCalls.list(invitee, ACME, Map.of()).statusCode(401);
    }

    @Test
    void aWrongClientIdIs401() {
        post(given().header(CLIENT_ID_HEADER, "amzn1.application-oa2-client.other").auth().oauth2(token)
                .header(ACCOUNT_HEADER, ACME), CREATE_TYPE).statusCode(401)
                .body("message", equalTo("Missing or unknown Amazon-Advertising-API-ClientId"));
    }

    @Test
    void aBodyThatIsNotAJsonObjectIs400() {
        InvitationCalls.asAdmin(token, ACME).contentType(CREATE_TYPE).body("[1, 2")
                .post("/sandbox/user-invitations").then().statusCode(400)
                .body("message", equalTo("Request body must be a JSON object"));
    }

    @Test
    void everyAnswerIsCountedUnderItsEndpoint() {
        long requests = count("requests");
        long errors = count("errors");

        post(InvitationCalls.asAdmin(token, ACME), CREATE_TYPE).statusCode(200);
        post(InvitationCalls.asAdmin(token, ACME), "text/plain").statusCode(415);

        assertThat(count("requests")).isEqualTo(requests + 2);
        assertThat(count("errors")).isEqualTo(errors + 1);
    }

    private static ValidatableResponse post(RequestSpecification request, String contentType) {
        String body = InvitationCalls.json(Map.of("userInvitationRequests", List.of(item(uniqueEmail("h"), "H", "viewer"))));
        return request.contentType(contentType).body(body).post("/sandbox/user-invitations").then();
    }

    private static long count(String counter) {
        Number value = given().get("/sandbox/stats").then().statusCode(200)
                .extract().path("endpoints.'" + CREATE + "'." + counter);
        return value == null ? 0 : value.longValue();
    }
}
