package io.amcfacade.sandbox.amc;

import static io.amcfacade.sandbox.amc.InvitationCalls.ACME;
import static io.amcfacade.sandbox.amc.InvitationCalls.GLOBEX;
import static io.amcfacade.sandbox.amc.InvitationCalls.INITECH;
import static io.amcfacade.sandbox.amc.InvitationCalls.expire;
import static io.amcfacade.sandbox.amc.InvitationCalls.get;
import static io.amcfacade.sandbox.amc.InvitationCalls.invite;
import static io.amcfacade.sandbox.amc.InvitationCalls.inviteeToken;
import static io.amcfacade.sandbox.amc.InvitationCalls.item;
import static io.amcfacade.sandbox.amc.InvitationCalls.redeem;
import static io.amcfacade.sandbox.amc.InvitationCalls.uniqueEmail;
import static io.amcfacade.sandbox.amc.InvitationCalls.update;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Invitee tokens, redeeming an invitation as the invited user, and the users a redeem creates. */
@QuarkusTest
class SandboxRedeemTest {

    private String token;

    @BeforeEach
    void freshAccessToken() {
        token = InvitationCalls.lwaToken();
    }

    @Test
    void redeemingWithTheInviteesTokenAcceptsTheInvitationAndAddsTheUser() {
        String email = uniqueEmail("carol");
        String id = invite(token, GLOBEX, email, "viewer");
        String invitee = inviteeToken(email.toUpperCase());

        redeem(invitee, id).statusCode(200)
                .header("x-amzn-RequestId", matchesPattern("[0-9A-F]{20}"))
                // Amazon's definition gives redeem's 200 no body.
                .body(emptyString());

        get(invitee, id).statusCode(200).body("invitation.state", equalTo("ACCEPTED"));
        Map<String, Object> user = userOf(GLOBEX, email);
        assertThat(user).containsEntry("role", "VIEWER");
        assertThat((String) user.get("userId")).matches("amzn1\\.user\\.[0-9a-f]{32}");
    }

    @Test
    void anAdminInvitationMakesAnAdminUserWhoCannotBeInvitedAgain() {
        String email = uniqueEmail("dave");
        redeem(inviteeToken(email), invite(token, INITECH, email, "ADMIN")).statusCode(200);

        assertThat(userOf(INITECH, email)).containsEntry("role", "ADMIN");
        InvitationCalls.create(token, INITECH, List.of(item(email, "Dave", "viewer"))).statusCode(200)
                .body("errors[0].errorCode", equalTo("ALREADY_A_USER"));
    }

    @Test
    void redeemingAnInvitationAddressedToSomeoneElseIs403() {
        String id = invite(token, ACME, uniqueEmail("erin"), "viewer");

        redeem(inviteeToken(uniqueEmail("mallory")), id).statusCode(403)
                .body("message", equalTo("This invitation is not addressed to the caller"));
        get(token, id).body("invitation.state", equalTo("PENDING"));
    }

    @Test
    void redeemingWithTheFacadesOwnAccessTokenIs401() {
        String id = invite(token, ACME, uniqueEmail("frank"), "viewer");

        redeem(token, id).statusCode(401);
        get(token, id).body("invitation.state", equalTo("PENDING"));
    }

    @Test
    void redeemingAnAcceptedRevokedOrExpiredInvitationIs400() {
        String accepted = uniqueEmail("grace");
        String acceptedId = invite(token, ACME, accepted, "viewer");
        redeem(inviteeToken(accepted), acceptedId).statusCode(200);
        String revoked = uniqueEmail("heidi");
        String revokedId = invite(token, ACME, revoked, "viewer");
        update(token, ACME, revokedId, "REVOKED").statusCode(200);
        String expired = uniqueEmail("ivan");
        String expiredId = invite(token, ACME, expired, "viewer");
        expire(expiredId).statusCode(200);

        redeem(inviteeToken(accepted), acceptedId).statusCode(400).body("message", equalTo("Invitation is ACCEPTED"));
        redeem(inviteeToken(revoked), revokedId).statusCode(400).body("message", equalTo("Invitation is REVOKED"));
        redeem(inviteeToken(expired), expiredId).statusCode(400).body("message", equalTo("Invitation is EXPIRED"));
        update(token, ACME, acceptedId, "REVOKED").statusCode(200)
                .body("errors[0].errorMessage", equalTo("Invitation is ACCEPTED"));
    }

    @Test
    void redeemingAnUnknownOrUnnamedInvitationIs404Or400() {
        String invitee = inviteeToken(uniqueEmail("judy"));

        redeem(invitee, "amzn1.invitation.00000000000000000000000000000000").statusCode(404)
                .body("message", equalTo("Invitation not found"));
        redeem(invitee, " ").statusCode(400).body("message", equalTo("invitationId is required"));
        InvitationCalls.as(invitee).contentType(ContentType.JSON).body("{\"invitationId\":\"x\"}")
                .put("/sandbox/user-invitations/redeem").then().statusCode(415);
    }

    @Test
    void expiringTokensAlsoExpiresInviteeTokens() {
        String email = uniqueEmail("kim");
        String id = invite(token, ACME, email, "viewer");
        String invitee = inviteeToken(email);
        get(invitee, id).statusCode(200);

        given().post("/sandbox/lwa/expire-tokens").then().statusCode(200);

        redeem(invitee, id).statusCode(401);
        get(invitee, id).statusCode(401);
    }

    @Test
    void anInviteeTokenNeedsAPlausibleEmailAddress() {
        given().contentType(ContentType.JSON).body("{\"emailAddress\":\"nobody\"}").post("/sandbox/invitee-tokens")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("emailAddress"));
        given().contentType(ContentType.JSON).body("{\"emailAddress\":\"kim@example.com\"}").post("/sandbox/invitee-tokens")
                .then().statusCode(200).body("token_type", equalTo("bearer")).body("expires_in", equalTo(3600))
                .body("access_token", matchesPattern("Atza\\|.+"));
    }

    @Test
    void everySeededAccountStartsWithOneAdminAndUnknownAccountsAre404() {
        given().get("/sandbox/accounts/{id}/users", ACME).then().statusCode(200)
                .body("users.find { it.emailAddress == '" + SandboxState.seedAdminEmail(ACME) + "' }.role", equalTo("ADMIN"));
        given().get("/sandbox/accounts/{id}/users", "ENTITY9UNKNOWN0000").then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static Map<String, Object> userOf(String accountId, String email) {
        List<Map<String, Object>> users = given().get("/sandbox/accounts/{id}/users", accountId).then().statusCode(200)
                .extract().path("users");
        return users.stream().filter(u -> email.equals(u.get("emailAddress"))).findFirst()
                .orElseThrow(() -> new AssertionError(email + " is not a user of " + accountId));
    }
}
