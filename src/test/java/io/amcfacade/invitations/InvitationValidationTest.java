package io.amcfacade.invitations;

import static io.amcfacade.support.InvitationsApi.ACCOUNT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.amcfacade.api.model.InvitationRequest;
import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.support.AuditTrail;
import io.amcfacade.support.Callers;
import io.amcfacade.support.InvitationsApi;
import io.amcfacade.support.Sandbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Bad input is a 400 problem naming the field; nothing reaches AMC and the rejection is audited. */
@QuarkusTest
class InvitationValidationTest {

    private static final String CREATES = "POST /user-invitations";

    @Test
    void aMalformedEmailIsRejected() {
        assertRejected(List.of(Map.of("emailAddress", "not-an-email", "userName", "Bob", "role", "viewer")),
                "invitations[0].emailAddress");
    }

    @Test
    void anOverlongEmailIsRejected() {
        assertRejected(List.of(Map.of("emailAddress", "a".repeat(250) + "@example.com", "userName", "Bob", "role", "viewer")),
                "invitations[0].emailAddress");
    }

    @Test
    void anEmptyOrOverlongUserNameIsRejected() {
        assertRejected(List.of(Map.of("emailAddress", "bob@example.com", "userName", " ", "role", "viewer")),
                "invitations[0].userName");
        assertRejected(List.of(Map.of("emailAddress", "bob@example.com", "userName", "b".repeat(101), "role", "viewer")),
                "invitations[0].userName");
    }

    @Test
    void anUnknownRoleIsRejectedListingTheRoles() {
        String body = "{\"invitations\":[{\"emailAddress\":\"bob@example.com\",\"userName\":\"Bob\",\"role\":\"owner\"}]}";
        send(body).statusCode(400).body("errors[0].field", equalTo("invitations[0].role"))
                .body("errors[0].message", containsString("admin"));
    }

    @Test
    void anEmptyBatchAndAnOversizedBatchAreRejectedSayingTheLimit() {
        assertRejected(List.of(), "invitations");
        List<InvitationRequest> tooMany = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            tooMany.add(InvitationsApi.invitee("user" + i + "@example.com", "viewer"));
        }
        send(Map.of("invitations", tooMany)).statusCode(400).body("errors[0].field", equalTo("invitations"))
                .body("errors[0].message", containsString("50"));
    }

    @Test
    void theSameEmailTwiceInOneBatchIsRejected() {
        assertRejected(List.of(InvitationsApi.invitee("twin@example.com", "viewer"),
                InvitationsApi.invitee("TWIN@example.com", "admin")), "invitations[1].emailAddress");
    }

    @Test
    void anUnknownFieldIsRejectedByName() {
        send("{\"invitations\":[],\"notifyInvitedUser\":false}").statusCode(400)
                .body("errors[0].field", equalTo("notifyInvitedUser"));
    }

    @Test
    void aBodyThatIsNotJsonIsA400AndAWrongContentTypeIsA415() {
        send("invitations=bob").statusCode(400).body("code", equalTo("MALFORMED_JSON"));
        given().auth().oauth2(Callers.token(Callers.uniqueSubject("admin"), "amc-admin")).contentType(ContentType.TEXT)
                .body("bob@example.com").post("/v1/accounts/{a}/invitations", ACCOUNT)
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void malformedIdsAreRejectedByName() {
        String token = Callers.token(Callers.uniqueSubject("admin"), "amc-admin");
        given().auth().oauth2(token).get("/v1/accounts/{a}/invitations", "ENTITY bad")
                .then().statusCode(400).body("errors[0].field", equalTo("accountId"));
        given().auth().oauth2(token).get("/v1/accounts/{a}/invitations/{i}", ACCOUNT, "bad id!")
                .then().statusCode(400).body("errors[0].field", equalTo("invitationId"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("updates", List.of(Map.of("invitationId", "bad id!", "action", "revoke"))))
                .patch("/v1/accounts/{a}/invitations", ACCOUNT)
                .then().statusCode(400).body("errors[0].field", equalTo("updates[0].invitationId"));
        given().auth().oauth2(token).queryParam("state", "LIMBO").get("/v1/accounts/{a}/invitations", ACCOUNT)
                .then().statusCode(400).body("errors[0].field", equalTo("state"));
    }

    private static void assertRejected(List<?> invitations, String field) {
        String subject = Callers.uniqueSubject("admin");
        long creates = Sandbox.requests(CREATES);

        given().auth().oauth2(Callers.token(subject, "amc-admin")).contentType(ContentType.JSON)
                .body(Map.of("invitations", invitations))
                .post("/v1/accounts/{a}/invitations", ACCOUNT)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("INVALID_REQUEST"))
                .body("errors[0].field", equalTo(field));

        assertThat(Sandbox.requests(CREATES)).isEqualTo(creates);
        assertThat(AuditTrail.eventsOf(subject).get(0)).returns("INVITATIONS_CREATE", AuditEvent::getAction)
                .returns(AuditOutcome.REJECTED, AuditEvent::getOutcome).returns(400, AuditEvent::getHttpStatus);
    }

    private static io.restassured.response.ValidatableResponse send(Object body) {
        return given().auth().oauth2(Callers.token(Callers.uniqueSubject("admin"), "amc-admin"))
                .contentType(ContentType.JSON).body(body)
                .post("/v1/accounts/{a}/invitations", ACCOUNT).then();
    }
}
