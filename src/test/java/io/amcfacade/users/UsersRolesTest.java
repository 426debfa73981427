package io.amcfacade.users;

import static io.amcfacade.support.UsersApi.removal;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.support.AuditTrail;
import io.amcfacade.support.Callers;
import io.amcfacade.support.InvitationsApi;
import io.amcfacade.support.Sandbox;
import io.amcfacade.support.UsersApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Who may do what with users and instances: admins change, viewers read, auditors neither, nobody anonymous. */
@QuarkusTest
class UsersRolesTest {

    private static final String ACCOUNT = InvitationsApi.ACCOUNT;
    private static final String SOME_USER = "amzn1.user.roles-test";
    private static final String SOME_INSTANCE = "amc0000000000";

    @Test
    void viewersMayReadUsersAndInstancesButChangeNoUser() {
        String viewer = Callers.token(Callers.uniqueSubject("viewer"), "amc-viewer");
        long lists = Sandbox.requests("POST /users/list");

        UsersApi.list(viewer, ACCOUNT, 5, null).statusCode(200);
        given().auth().oauth2(viewer).get("/v1/accounts/{a}/instances", ACCOUNT).then().statusCode(200);
        UsersApi.setRole(viewer, ACCOUNT, SOME_USER, "admin").statusCode(403).body("code", equalTo("FORBIDDEN"))
                .body("detail", equalTo("This operation needs one of the roles amc-admin."));
        UsersApi.remove(viewer, ACCOUNT, SOME_USER).statusCode(403);
        UsersApi.batch(viewer, ACCOUNT, List.of(removal(SOME_USER))).statusCode(403);

        // Only the list reached AMC.
        assertThat(Sandbox.requests("POST /users/list")).isEqualTo(lists + 1);
    }

    @Test
    void adminsMayReadUsersAndInstances() {
        String admin = Callers.token(Callers.uniqueSubject("admin"), "amc-admin");
        UsersApi.list(admin, ACCOUNT, 5, null).statusCode(200);
        given().auth().oauth2(admin).get("/v1/accounts/{a}/instances", ACCOUNT).then().statusCode(200);
    }

    @Test
    void auditorsMayNeitherReadNorChangeUsersOrInstances() {
        String subject = Callers.uniqueSubject("auditor");
        String auditor = Callers.token(subject, "auditor");

        UsersApi.list(auditor, ACCOUNT, null, null).statusCode(403);
        UsersApi.setRole(auditor, ACCOUNT, SOME_USER, "admin").statusCode(403);
        UsersApi.remove(auditor, ACCOUNT, SOME_USER).statusCode(403);
        UsersApi.batch(auditor, ACCOUNT, List.of(removal(SOME_USER))).statusCode(403);
        given().auth().oauth2(auditor).get("/v1/accounts/{a}/instances", ACCOUNT).then().statusCode(403);
        given().auth().oauth2(auditor).get("/v1/accounts/{a}/instances/{i}", ACCOUNT, SOME_INSTANCE).then().statusCode(403);

        assertThat(AuditTrail.eventsOf(subject)).filteredOn(e -> !"AUDIT_QUERY".equals(e.getAction()))
                .extracting(e -> e.getAction())
                .containsExactlyInAnyOrder("USERS_LIST", "USER_ROLE_CHANGE", "USER_REMOVE", "USERS_UPDATE",
                        "INSTANCES_LIST", "INSTANCE_GET");
        assertThat(AuditTrail.eventsOf(subject)).filteredOn(e -> !"AUDIT_QUERY".equals(e.getAction()))
                .allSatisfy(e -> assertThat(e).returns(AuditOutcome.DENIED, AuditEvent::getOutcome).returns(403, AuditEvent::getHttpStatus));
    }

    @Test
    void anonymousCallersAreRefusedEverywhereAndTheDenialIsAudited() {
        String correlationId = "anon-" + UUID.randomUUID();
        given().header("X-Request-Id", correlationId).get("/v1/accounts/{a}/users", ACCOUNT).then().statusCode(401)
                .body("code", equalTo("UNAUTHORIZED"));
        given().contentType(ContentType.JSON).body("{\"role\":\"admin\"}")
                .put("/v1/accounts/{a}/users/{u}/role", ACCOUNT, SOME_USER).then().statusCode(401);
        given().delete("/v1/accounts/{a}/users/{u}", ACCOUNT, SOME_USER).then().statusCode(401);
        given().contentType(ContentType.JSON).body("{\"changes\":[]}").patch("/v1/accounts/{a}/users", ACCOUNT)
                .then().statusCode(401);
        given().get("/v1/accounts/{a}/instances", ACCOUNT).then().statusCode(401);
        given().get("/v1/accounts/{a}/instances/{i}", ACCOUNT, SOME_INSTANCE).then().statusCode(401);

        assertThat(AuditTrail.eventOfRequest("USERS_LIST", correlationId)).returns(AuditOutcome.DENIED, AuditEvent::getOutcome)
                .returns(401, AuditEvent::getHttpStatus).returns(ACCOUNT, AuditEvent::getAccountId);
    }
}
