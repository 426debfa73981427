package io.amcfacade.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import io.amcfacade.support.AccessApi;
import io.amcfacade.support.AuditTrail;
import io.amcfacade.support.Callers;
import io.amcfacade.support.InvitationsApi;
import io.amcfacade.support.UsersApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Who had which role at any instant, who granted it, and the reads themselves audited and validated. */
@QuarkusTest
class AccessInventoryTest {

    @Test
    void threeRoleChangesAtKnownInstantsAnswerEachInstant() {
        String account = UsersApi.newAccount().accountId();
        AccessApi.reconcile(account);
        Instant beforeUser = Instant.now();
        String email = InvitationsApi.uniqueEmail("asof");
        String userId = AccessApi.consoleAddUser(account, email, "viewer");
        AccessApi.reconcile(account);
        Instant asViewer = Instant.now();
        AccessApi.consoleSetRole(account, userId, "admin");
        AccessApi.reconcile(account);
        Instant asAdmin = Instant.now();
        String admin = Callers.token(Callers.uniqueSubject("admin"), "amc-admin");
        UsersApi.setRole(admin, account, userId, "viewer").statusCode(200);
        AccessApi.reconcile(account);
        Instant asViewerAgain = Instant.now();

        assertThat(roleOf(AccessApi.grants(account, beforeUser), userId)).isNull();
        assertThat(roleOf(AccessApi.grants(account, asViewer), userId)).isEqualTo("viewer");
        assertThat(roleOf(AccessApi.grants(account, asAdmin), userId)).isEqualTo("admin");
        assertThat(roleOf(AccessApi.grants(account, asViewerAgain), userId)).isEqualTo("viewer");

        JsonPath latest = AccessApi.grants(account, null);
        assertThat(latest.getString("observedAt")).as("the latest snapshot says when it was taken").isNotNull();
        Map<String, Object> grant = grantOf(latest, userId);
        assertThat(grant).containsEntry("emailAddress", email).containsEntry("role", "viewer");
        assertThat(grant.get("grantedBy")).asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("via", "facade");
        assertThat(grantOf(AccessApi.grants(account, asAdmin), userId).get("grantedBy"))
                .asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("via", "out-of-band").containsEntry("actor", "amc-out-of-band");
        assertThat(AccessApi.grants(account, asViewer).getList("grants.grantedBy.via"))
                .as("the seed admin was there before the facade looked").contains("baseline");
    }

    @Test
    void grantsPageByCursorAndFilterByEmailAndRole() {
        String account = UsersApi.newAccount().accountId();
        for (int i = 0; i < 3; i++) {
            AccessApi.consoleAddUser(account, InvitationsApi.uniqueEmail("page" + i), "viewer");
        }
        AccessApi.reconcile(account);
        String auditor = Callers.token(Callers.uniqueSubject("auditor"), "auditor");
        JsonPath first = given().auth().oauth2(auditor).queryParam("accountId", account)
                .queryParam("limit", 3).get("/v1/access").then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("grants")).hasSize(3);
        JsonPath second = given().auth().oauth2(auditor).queryParam("accountId", account)
                .queryParam("limit", 3).queryParam("cursor", first.getString("nextCursor")).get("/v1/access")
                .then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("grants")).hasSize(1);
        assertThat(second.getString("nextCursor")).isNull();
        assertThat(given().auth().oauth2(auditor).queryParam("accountId", account)
                .queryParam("role", "admin").get("/v1/access").then().statusCode(200).extract().jsonPath()
                .getList("grants.role")).containsExactly("admin");
    }

    @Test
    void badQueriesAreProblemsNamingTheParameterAndEveryReadIsAudited() {
        String subject = Callers.uniqueSubject("auditor");
        String auditor = Callers.token(subject, "auditor");
        given().auth().oauth2(auditor).queryParam("asOf", "last tuesday")
                .get("/v1/access").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("asOf"));
        given().auth().oauth2(auditor).queryParam("cursor", "bm90LW91cnM")
                .get("/v1/access").then().statusCode(400).body("errors.field", hasItem("cursor"));
        given().auth().oauth2(auditor).queryParam("accountId", "ENTITY1")
                .get("/v1/access/history").then().statusCode(400).body("errors.field", hasItem("userId"));
        given().auth().oauth2(auditor).get("/v1/access").then().statusCode(200);
        given().auth().oauth2(auditor).queryParam("format", "csv")
                .get("/v1/access/review").then().statusCode(200);
        Callers.as(Callers.uniqueSubject("viewer"), "amc-viewer").get("/v1/access").then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));

        List<Object> actions = AuditTrail.eventsOf(subject).stream().map(e -> e.get("action")).toList();
        assertThat(actions).contains("ACCESS_QUERY", "ACCESS_HISTORY", "ACCESS_REVIEW");
    }

    @Test
    void consoleChangesRefuseBadInputNamingTheField() {
        String account = UsersApi.newAccount().accountId();
        AccessApi.consoleChange(account, Map.of("userId", "amzn1.user.x")).statusCode(400)
                .body("errors.field", hasItem("role"));
        AccessApi.consoleChange(account, Map.of("userId", "amzn1.user.x", "role", "owner")).statusCode(400)
                .body("errors.field", hasItem("role"));
        AccessApi.consoleChange(account, Map.of("addUser", true, "role", "viewer")).statusCode(400)
                .body("errors.field", hasItem("emailAddress"));
        AccessApi.consoleChange(account, Map.of("userId", "amzn1.user.nobody", "remove", true)).statusCode(404);
        AccessApi.consoleChange("ENTITYNOSUCHACCOUNT", Map.of("userId", "u", "role", "admin")).statusCode(404);
        String seed = UsersApi.userIdInSandbox(account, "admin@" + account.toLowerCase() + ".example");
        AccessApi.consoleChange(account, Map.of("userId", seed, "remove", true)).statusCode(409)
                .body("code", equalTo("LAST_ADMIN"));
    }

    private static String roleOf(JsonPath page, String userId) {
        Map<String, Object> grant = grantOf(page, userId);
        return grant == null ? null : (String) grant.get("role");
    }

    private static Map<String, Object> grantOf(JsonPath page, String userId) {
        List<Map<String, Object>> grants = page.getList("grants");
        return grants.stream().filter(g -> userId.equals(g.get("userId"))).findFirst().orElse(null);
    }
}
