package io.amcfacade.accounts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.amcfacade.api.model.AuditActor;
import io.amcfacade.api.model.AuditClient;
import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.api.model.AuditUpstream;
import io.amcfacade.support.AuditTrail;
import io.amcfacade.support.Callers;
import io.amcfacade.support.Sandbox;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AccountsResourceTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void listsEveryAccountAcrossUpstreamPagesInTheFacadesModel() {
        long before = Sandbox.requests(Sandbox.ACCOUNTS);

        io.restassured.path.json.JsonPath list = Callers.as(Callers.uniqueSubject("viewer"), "amc-viewer")
                .get("/v1/accounts")
                .then().statusCode(200)
                .contentType("application/json")
                .body("accounts[0].accountName", equalTo("Acme Retail AMC"))
                .body("accounts[0].marketplaceId", equalTo("ATVPDKIKX0DER"))
                .body("accounts[0].region", equalTo("na"))
                .body("accounts[0].amcAccounts", equalTo(null))
                .extract().jsonPath();
        List<String> ids = list.getList("accounts.accountId");
        List<String> northAmerica = list.getList("accounts.findAll { it.region == 'na' }.accountId");

        // The three seeded accounts (North America's), then any that tests added through POST /sandbox/accounts.
        assertThat(ids.subList(0, 3)).containsExactly("ENTITY1ACMERETAIL0", "ENTITY2GLOBEXEU000", "ENTITY3INITECHJP00");
        assertThat(ids).doesNotHaveDuplicates();
        // The test profile serves two accounts a page: three accounts take two upstream calls, five take three.
        assertThat(Sandbox.requests(Sandbox.ACCOUNTS) - before).isEqualTo((northAmerica.size() + 1) / 2);
    }

    @Test
    void adminsMayListAccountsToo() {
        Callers.as(Callers.uniqueSubject("admin"), "amc-admin").get("/v1/accounts").then().statusCode(200);
    }

    @Test
    void aSuccessfulListIsAuditedWithActorCorrelationAndUpstreamAnswer() {
        String subject = Callers.uniqueSubject("svc-onboarding");
        String correlationId = "corr-" + UUID.randomUUID();

        io.restassured.path.json.JsonPath list = Callers.as(subject, "amc-viewer")
                .header("X-Request-Id", correlationId)
                .header("X-On-Behalf-Of", "jane.doe@example.com")
                .header("User-Agent", "onboarding-tool/2.3")
                .get("/v1/accounts")
                .then().statusCode(200)
                .header("X-Request-Id", correlationId)
                .extract().jsonPath();
        // Each region is listed on its own host, two accounts a page (at least one page, even when empty).
        int pages = 0;
        for (String region : List.of("na", "eu", "fe")) {
            int accounts = list.getList("accounts.findAll { it.region == '" + region + "' }").size();
            pages += Math.max(1, (accounts + 1) / 2);
        }

        AuditEvent event = AuditTrail.eventWithCorrelation(subject, correlationId);
        assertThat(event).returns("ACCOUNTS_LIST", AuditEvent::getAction)
                .returns(AuditOutcome.SUCCEEDED, AuditEvent::getOutcome)
                .returns(200, AuditEvent::getHttpStatus)
                .returns("GET", AuditEvent::getMethod)
                .returns("/v1/accounts", AuditEvent::getPath);
        assertThat(event.getActor())
                .returns(subject, AuditActor::getSubject)
                .returns("jane.doe@example.com", AuditActor::getOnBehalfOf)
                .returns(List.of("amc-viewer"), AuditActor::getRoles);
        assertThat(event.getClient()).returns("onboarding-tool/2.3", AuditClient::getUserAgent)
                .extracting(AuditClient::getIp).isNotNull();
        AuditUpstream upstream = event.getUpstream();
        // One attempt per page of two accounts (the test profile's page size), in each of the three regions.
        assertThat(upstream).returns(200, AuditUpstream::getStatus).returns(pages, AuditUpstream::getAttempts);
        assertThat(upstream.getRequestId()).isNotBlank();
        assertThat(event.getCompletedAt()).isNotNull();
    }

    @Test
    void aMissingTokenIsA401ProblemAndIsAuditedAsDenied() {
        String correlationId = "anon-" + UUID.randomUUID();
        long before = Sandbox.requests(Sandbox.ACCOUNTS);

        given().header("X-Request-Id", correlationId)
                .get("/v1/accounts")
                .then().statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", "Bearer")
                .body("code", equalTo("UNAUTHORIZED"))
                .body("status", equalTo(401))
                .body("type", equalTo("https://amc-facade.dev/problems/unauthorized"))
                .body("correlationId", equalTo(correlationId));

        assertThat(Sandbox.requests(Sandbox.ACCOUNTS)).isEqualTo(before);
        AuditEvent event = AuditTrail.eventOfRequest("ACCOUNTS_LIST", correlationId);
        assertThat(event).returns(AuditOutcome.DENIED, AuditEvent::getOutcome).returns(401, AuditEvent::getHttpStatus)
                .returns("UNAUTHORIZED", AuditEvent::getErrorCode);
        assertThat(event.getActor()).returns(null, AuditActor::getSubject);
    }

    @Test
    void aTokenThatDoesNotVerifyIsA401() {
        String correlationId = "forged-" + UUID.randomUUID();
        String token = Callers.token(Callers.uniqueSubject("mallory"), "amc-admin");
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";

        given().auth().oauth2(forged).header("X-Request-Id", correlationId)
                .get("/v1/accounts")
                .then().statusCode(401)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("UNAUTHORIZED"));

        assertThat(AuditTrail.eventOfRequest("ACCOUNTS_LIST", correlationId)).returns(AuditOutcome.DENIED, AuditEvent::getOutcome);
    }

    @Test
    void aCallerWithoutAnAccountsRoleIsA403NamingTheRolesAndIsAuditedWithItsSubject() {
        String subject = Callers.uniqueSubject("auditor-only");
        long before = Sandbox.requests(Sandbox.ACCOUNTS);

        Callers.as(subject, "auditor")
                .get("/v1/accounts")
                .then().statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("FORBIDDEN"))
                .body("detail", equalTo("This operation needs one of the roles amc-viewer, amc-admin."))
                .body("correlationId", notNullValue());

        assertThat(Sandbox.requests(Sandbox.ACCOUNTS)).isEqualTo(before);
        AuditEvent event = AuditTrail.eventsOf(subject).get(0);
        assertThat(event).returns("ACCOUNTS_LIST", AuditEvent::getAction).returns(AuditOutcome.DENIED, AuditEvent::getOutcome)
                .returns(403, AuditEvent::getHttpStatus);
        assertThat(event.getActor()).returns(subject, AuditActor::getSubject);
    }

    @Test
    void anOverlongOnBehalfOfIsA400NamingTheHeader() {
        Callers.as(Callers.uniqueSubject("viewer"), "amc-viewer")
                .header("X-On-Behalf-Of", "x".repeat(300))
                .get("/v1/accounts")
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("INVALID_REQUEST"))
                .body("errors[0].field", equalTo("X-On-Behalf-Of"));
    }

    @Test
    void aMalformedRequestIdIsReplacedByAGeneratedOne() {
        String echoed = Callers.as(Callers.uniqueSubject("viewer"), "amc-viewer")
                .header("X-Request-Id", "not ok; <script>")
                .get("/v1/accounts")
                .then().statusCode(200)
                .extract().header("X-Request-Id");
        assertThat(UUID.fromString(echoed)).isNotNull();
    }
}
