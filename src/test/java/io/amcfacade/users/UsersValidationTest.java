package io.amcfacade.users;

import static io.amcfacade.support.UsersApi.removal;
import static io.amcfacade.support.UsersApi.setRoleChange;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.amcfacade.api.model.UserChange;
import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.support.AuditTrail;
import io.amcfacade.support.Callers;
import io.amcfacade.support.InvitationsApi;
import io.amcfacade.support.Sandbox;
import io.amcfacade.support.UsersApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Bad input is a 400 problem naming the field; AMC is asked nothing and the rejection is audited. */
@QuarkusTest
class UsersValidationTest {

    private static final String ACCOUNT = InvitationsApi.ACCOUNT;
    private static final String SOME_USER = "amzn1.user.validation";
    private static final String USER_LISTS = "POST /users/list";

    @Test
    void anUnknownRoleIsRejectedListingTheRolesAndAuditedAsRejected() {
        String subject = Callers.uniqueSubject("admin");
        long lists = Sandbox.requests(USER_LISTS);

        UsersApi.setRole(Callers.token(subject, "amc-admin"), ACCOUNT, SOME_USER, "owner").statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("INVALID_REQUEST"))
                .body("errors[0].field", equalTo("role"))
                .body("errors[0].message", containsString("admin"));

        assertThat(Sandbox.requests(USER_LISTS)).isEqualTo(lists);
        assertThat(AuditTrail.eventsOf(subject).get(0)).returns("USER_ROLE_CHANGE", AuditEvent::getAction)
                .returns(AuditOutcome.REJECTED, AuditEvent::getOutcome).returns(400, AuditEvent::getHttpStatus);
    }

    @Test
    void aMissingRoleOrAnUnknownFieldIsRejectedByName() {
        String token = admin();
        putRole(token, "{}").statusCode(400).body("errors[0].field", equalTo("role"));
        putRole(token, "{\"role\":\"admin\",\"notify\":true}").statusCode(400).body("errors[0].field", equalTo("notify"));
        putRole(token, "admin").statusCode(400).body("code", equalTo("MALFORMED_JSON"));
    }

    @Test
    void malformedIdsAreRejectedByName() {
        String token = admin();
        UsersApi.setRole(token, "ENTITY bad", SOME_USER, "admin").statusCode(400)
                .body("errors[0].field", equalTo("accountId"));
        UsersApi.setRole(token, ACCOUNT, "bad id!", "admin").statusCode(400).body("errors[0].field", equalTo("userId"));
        UsersApi.remove(token, ACCOUNT, "bad id!").statusCode(400).body("errors[0].field", equalTo("userId"));
        UsersApi.list(token, "ENTITY bad", null, null).statusCode(400).body("errors[0].field", equalTo("accountId"));
        UsersApi.batch(token, ACCOUNT, List.of(setRoleChange("bad id!", "admin"))).statusCode(400)
                .body("errors[0].field", equalTo("changes[0].userId"));
    }

    @Test
    void listLimitsAndForeignCursorsAreRejectedByName() {
        String token = admin();
        UsersApi.list(token, ACCOUNT, 0, null).statusCode(400).body("errors[0].field", equalTo("limit"));
        UsersApi.list(token, ACCOUNT, 101, null).statusCode(400).body("errors[0].field", equalTo("limit"));
        UsersApi.list(token, ACCOUNT, null, "not-a-cursor").statusCode(400).body("errors[0].field", equalTo("cursor"));
        String acmeCursor = UsersApi.list(token, ACCOUNT, 1, null).statusCode(200).extract().path("nextCursor");
        UsersApi.list(token, "ENTITY2GLOBEXEU000", 1, acmeCursor).statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void anEmptyOrOversizedBatchIsRejectedSayingTheLimit() {
        String token = admin();
        UsersApi.batch(token, ACCOUNT, List.of()).statusCode(400).body("errors[0].field", equalTo("changes"));
        List<UserChange> tooMany = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            tooMany.add(removal("amzn1.user.u" + i));
        }
        UsersApi.batch(token, ACCOUNT, tooMany).statusCode(400).body("errors[0].field", equalTo("changes"))
                .body("errors[0].message", containsString("50"));
    }

    @Test
    void batchItemsMustNameEachUserOnceAndARoleExactlyForSetRole() {
        String token = admin();
        long lists = Sandbox.requests(USER_LISTS);

        UsersApi.batch(token, ACCOUNT, List.of(removal(SOME_USER), setRoleChange(SOME_USER, "admin"))).statusCode(400)
                .body("errors[0].field", equalTo("changes[1].userId"))
                .body("errors[0].message", containsString("changes[0].userId"));
        UsersApi.batch(token, ACCOUNT, List.of(Map.of("userId", SOME_USER, "action", "setRole"))).statusCode(400)
                .body("errors[0].field", equalTo("changes[0].role"));
        UsersApi.batch(token, ACCOUNT, List.of(Map.of("userId", SOME_USER, "action", "remove", "role", "viewer")))
                .statusCode(400).body("errors[0].field", equalTo("changes[0].role"));
        UsersApi.batch(token, ACCOUNT, List.of(Map.of("userId", SOME_USER, "action", "promote"))).statusCode(400)
                .body("errors[0].field", equalTo("changes[0].action"))
                .body("errors[0].message", containsString("setRole"));

        assertThat(Sandbox.requests(USER_LISTS)).isEqualTo(lists);
    }

    private static String admin() {
        return Callers.token(Callers.uniqueSubject("admin"), "amc-admin");
    }

    private static ValidatableResponse putRole(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .put("/v1/accounts/{a}/users/{u}/role", ACCOUNT, SOME_USER).then();
    }
}
