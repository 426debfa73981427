package io.amcfacade.invitations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.amcfacade.sandbox.SandboxCredentials;
import io.amcfacade.support.Callers;
import io.amcfacade.support.InvitationsApi;
import io.amcfacade.support.Sandbox;
import io.amcfacade.upstream.AmcInvitationsClient;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What a revoke or resend costs in AMC calls when the account holds many invitations: the facade knows
 * an invitation it made from its own trail, so it sends AMC the update and nothing else; an invitation
 * it never saw is looked up within a stated bound, and beyond it AMC's own answer decides.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RevokeCostTest {

    private static final String LIST = "POST /user-invitations/list";
    private static final String UPDATE = "PUT /user-invitations";
    private static final String CREATE = "POST /user-invitations";
    private static final int HELD = 2000;

    /** Emails of this run's crowd: the trail outlives the sandbox from one run of the suite to the next. */
    private final String crowd = "crowd-" + System.nanoTime() + "-";
    private String account;
    private List<String> outsideIds;

    /** An account holding 2,000 invitations made directly in AMC (not through the facade), in batches of 50, AMC's most. */
    @BeforeEach
    void crowdedAccount() {
        if (account != null) {
            return;
        }
        account = given().contentType("application/json").body(Map.of("accountName", "Crowded"))
                .post("/sandbox/accounts").then().statusCode(201).extract().path("accountId");
        String lwa = Sandbox.lwaToken();
        outsideIds = new ArrayList<>();
        for (int batch = 0; batch < HELD / 50; batch++) {
            List<Map<String, Object>> requests = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                requests.add(Map.of("user", Map.of("emailAddress", crowd + batch + "-" + i + "@example.com",
                        "userName", "Crowd"), "permissionSet", Map.of("type", "ROLE", "role", Map.of("name", "viewer"))));
            }
            outsideIds.addAll(given().header("Amazon-Advertising-API-ClientId", SandboxCredentials.CLIENT_ID)
                    .auth().oauth2(lwa).header("Amazon-Ads-AccountId", account)
                    .contentType("application/vnd.CreateUserInvitations.v1+json")
                    .body(Map.of("notifyInvitedUsers", false, "userInvitationRequests", requests))
                    .post("/sandbox/user-invitations").then().statusCode(200)
                    .extract().jsonPath().getList("successes.invitationId", String.class));
        }
        assertThat(outsideIds).hasSize(HELD);
    }

    @Test
    void aRevokeInAnAccountHolding2000InvitationsIsOneAmcCall() {
        String token = Callers.token(Callers.uniqueSubject("admin"), "amc-admin");
        String email = InvitationsApi.uniqueEmail("late");
        String id = given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("invitations", List.of(InvitationsApi.invitee(email, "viewer"))))
                .post("/v1/accounts/{account}/invitations", account).then().statusCode(200)
                .extract().path("results[0].invitation.invitationId");
        long lists = Sandbox.requests(LIST);
        long updates = Sandbox.requests(UPDATE);

        given().auth().oauth2(token).post("/v1/accounts/{account}/invitations/{id}/revoke", account, id)
                .then().statusCode(200).body("state", equalTo("REVOKED"));

        assertThat(Sandbox.requests(LIST) - lists).isZero();
        assertThat(Sandbox.requests(UPDATE) - updates).isEqualTo(1);
        // The trail still says whom the revoke was for, though AMC's list was never read.
        given().auth().oauth2(Callers.token(Callers.uniqueSubject("auditor"), "auditor"))
                .queryParam("targetId", email).queryParam("action", "INVITATION_REVOKE")
                .get("/v1/audit/events").then().statusCode(200).body("events.size()", equalTo(1));
    }

    @Test
    void aResendOfAnInvitationTheFacadeRevokedIsRefusedWithoutAskingAmc() {
        String token = Callers.token(Callers.uniqueSubject("admin"), "amc-admin");
        String id = given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("invitations", List.of(InvitationsApi.invitee(InvitationsApi.uniqueEmail("gone"), "viewer"))))
                .post("/v1/accounts/{account}/invitations", account).then().statusCode(200)
                .extract().path("results[0].invitation.invitationId");
        given().auth().oauth2(token).post("/v1/accounts/{account}/invitations/{id}/revoke", account, id)
                .then().statusCode(200);
        long calls = Sandbox.requests(LIST) + Sandbox.requests(UPDATE);

        given().auth().oauth2(token).post("/v1/accounts/{account}/invitations/{id}/resend", account, id)
                .then().statusCode(409).body("code", equalTo("INVALID_STATE_TRANSITION"))
                .body("detail", equalTo("Invitation " + id + " is REVOKED and cannot be resent."));

        assertThat(Sandbox.requests(LIST) + Sandbox.requests(UPDATE)).isEqualTo(calls);
    }

    @Test
    void anInvitationOfAnotherAccountIsNotFoundWithoutAskingAmc() {
        String token = Callers.token(Callers.uniqueSubject("admin"), "amc-admin");
        String elsewhere = InvitationsApi.inviteOne(token, InvitationsApi.uniqueEmail("elsewhere"), "viewer");
        long calls = Sandbox.requests(LIST) + Sandbox.requests(UPDATE);

        given().auth().oauth2(token).post("/v1/accounts/{account}/invitations/{id}/revoke", account, elsewhere)
                .then().statusCode(404).body("code", equalTo("INVITATION_NOT_FOUND"));

        assertThat(Sandbox.requests(LIST) + Sandbox.requests(UPDATE)).isEqualTo(calls);
    }

    @Test
    void anInvitationTheFacadeNeverSawIsFoundInTheListWithinTheBound() {
        String token = Callers.token(Callers.uniqueSubject("admin"), "amc-admin");
        String early = outsideIds.get(120);
        long lists = Sandbox.requests(LIST);

        given().auth().oauth2(token).post("/v1/accounts/{account}/invitations/{id}/resend", account, early)
                .then().statusCode(200).body("state", equalTo("PENDING"));

        assertThat(Sandbox.requests(LIST) - lists).isEqualTo(3);
        given().auth().oauth2(Callers.token(Callers.uniqueSubject("auditor"), "auditor"))
                .queryParam("targetId", crowd + "2-20@example.com").queryParam("action", "INVITATION_RESEND")
                .get("/v1/audit/events").then().statusCode(200).body("events.size()", equalTo(1));
    }

    @Test
    void beyondTheBoundAmcDecidesARevokeAndAReadSaysWhereItStopped() {
        String token = Callers.token(Callers.uniqueSubject("admin"), "amc-admin");
        String late = outsideIds.get(HELD - 1);
        long lists = Sandbox.requests(LIST);
        long updates = Sandbox.requests(UPDATE);

        given().auth().oauth2(token).post("/v1/accounts/{account}/invitations/{id}/revoke", account, late)
                .then().statusCode(200).body("state", equalTo("REVOKED"));
        assertThat(Sandbox.requests(LIST) - lists).isEqualTo(AmcInvitationsClient.MAX_FIND_PAGES);
        assertThat(Sandbox.requests(UPDATE) - updates).isEqualTo(1);

        given().auth().oauth2(token).get("/v1/accounts/{account}/invitations/{id}", account, outsideIds.get(HELD - 2))
                .then().statusCode(404).body("code", equalTo("INVITATION_LOOKUP_LIMIT"))
                .body("detail", containsString("first 1000 invitations"));
        // AMC itself still refuses what cannot be done, item by item: the revoked one cannot be revoked again.
        given().auth().oauth2(token).post("/v1/accounts/{account}/invitations/{id}/revoke", account, late)
                .then().statusCode(409).body("code", equalTo("INVALID_STATE_TRANSITION"));
    }
}
