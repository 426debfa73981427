package io.amcfacade.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.amcfacade.api.model.AccessGrant;
import io.amcfacade.api.model.AccessGrantPage;
import io.amcfacade.api.model.AccessGrantVia;
import io.amcfacade.api.model.AccessGrantedBy;
import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.support.AccessApi;
import io.amcfacade.support.AuditTrail;
import io.amcfacade.support.Callers;
import io.amcfacade.support.InvitationsApi;
import io.amcfacade.support.UsersApi;
import io.quarkus.test.junit.QuarkusTest;

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

        AccessGrantPage latest = AccessApi.grants(account, null);
        assertThat(latest.getObservedAt()).as("the latest snapshot says when it was taken").isNotNull();
        AccessGrant grant = grantOf(latest, userId);
        assertThat(grant).returns(email, AccessGrant::getEmailAddress).returns("viewer", AccessGrant::getRole);
        assertThat(grant.getGrantedBy().getVia()).isEqualTo(AccessGrantVia.FACADE);
        assertThat(grantOf(AccessApi.grants(account, asAdmin), userId).getGrantedBy())
                .returns(AccessGrantVia.OUT_OF_BAND, AccessGrantedBy::getVia)
                .returns("amc-out-of-band", AccessGrantedBy::getActor);
        assertThat(AccessApi.grants(account, asViewer).getGrants()).extracting(g -> g.getGrantedBy().getVia())
                .as("the seed admin was there before the facade looked").contains(AccessGrantVia.BASELINE);
    }

    @Test
    void grantsPageByCursorAndFilterByEmailAndRole() {
        String account = UsersApi.newAccount().accountId();
        for (int i = 0; i < 3; i++) {
            AccessApi.consoleAddUser(account, InvitationsApi.uniqueEmail("page" + i), "viewer");
        }
        AccessApi.reconcile(account);
        String auditor = Callers.token(Callers.uniqueSubject("auditor"), "auditor");
        AccessGrantPage first = given().auth().oauth2(auditor).queryParam("accountId", account)
                .queryParam("limit", 3).get("/v1/access").then().statusCode(200).extract().as(AccessGrantPage.class);
        assertThat(first.getGrants()).hasSize(3);
        AccessGrantPage second = given().auth().oauth2(auditor).queryParam("accountId", account)
                .queryParam("limit", 3).queryParam("cursor", first.getNextCursor()).get("/v1/access")
                .then().statusCode(200).extract().as(AccessGrantPage.class);
        assertThat(second.getGrants()).hasSize(1);
        assertThat(second.getNextCursor()).isNull();
        assertThat(given().auth().oauth2(auditor).queryParam("accountId", account)
                .queryParam("role", "admin").get("/v1/access").then().statusCode(200).extract().as(AccessGrantPage.class)
                .getGrants()).extracting(AccessGrant::getRole).containsExactly("admin");
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

        List<String> actions = AuditTrail.eventsOf(subject).stream().map(AuditEvent::getAction).toList();
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

    private static String roleOf(AccessGrantPage page, String userId) {
        AccessGrant grant = grantOf(page, userId);
        return grant == null ? null : grant.getRole();
    }

    private static AccessGrant grantOf(AccessGrantPage page, String userId) {
        return page.getGrants().stream().filter(g -> userId.equals(g.getUserId())).findFirst().orElse(null);
    }
}
