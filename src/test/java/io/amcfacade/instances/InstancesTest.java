package io.amcfacade.instances;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.api.model.AuditTarget;
import io.amcfacade.sandbox.SandboxCredentials;
import io.amcfacade.support.AuditTrail;
import io.amcfacade.support.Callers;
import io.amcfacade.support.InvitationsApi;
import io.amcfacade.support.Sandbox;
import io.amcfacade.support.UsersApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** {@code /v1/accounts/{accountId}/instances}: AMC instances, read-only, without anything about AWS. */
@QuarkusTest
class InstancesTest {

    private static final String ACCOUNT = InvitationsApi.ACCOUNT;
    private static final List<String> AWS_FIELDS = List.of("awsAccountId", "dataUploadAwsAccountId", "s3BucketName");

    @Test
    void anAccountsInstancesAreListedWithoutTheirAwsAccountsOrBuckets() {
        ValidatableResponse listed = list(viewer(), ACCOUNT, null, null).statusCode(200)
                .contentType("application/json")
                .body("instances", hasSize(3))
                .body("instances[0].instanceId", matchesPattern("amc[0-9a-f]{10}"))
                .body("instances[0].name", equalTo("Acme Retail AMC production"))
                .body("instances[0]", not(hasKey("type")))
                .body("instances.creationStatus", contains("COMPLETED", "COMPLETED", "IN_PROGRESS"))
                .body("instances[0].createdAt", equalTo("2026-01-15T09:30:00Z"))
                .body("instances[0].apiEndpoint", matchesPattern("https://.+/amc[0-9a-f]{10}"))
                .body("instances[0].advertiserTypes", contains("SPONSORED_ADS", "DISPLAY"))
                .body("nextCursor", nullValue());

        String facadeJson = listed.extract().asString();
        String amcJson = amcInstances();
        AWS_FIELDS.forEach(field -> {
            assertThat(amcJson).as("the sandbox sends %s, so its absence proves the facade drops it", field)
                    .contains("\"" + field + "\"");
            assertThat(facadeJson).doesNotContain(field);
        });
        assertThat(facadeJson).doesNotContainIgnoringCase("aws").doesNotContainIgnoringCase("bucket");
    }

    @Test
    void oneInstanceIsReadByIdWithoutAwsFieldsAndIsAudited() {
        String subject = Callers.uniqueSubject("viewer");
        String token = Callers.token(subject, "amc-viewer");
        String id = list(token, ACCOUNT, null, null).extract().path("instances[1].instanceId");

        String json = given().auth().oauth2(token).get("/v1/accounts/{a}/instances/{i}", ACCOUNT, id).then()
                .statusCode(200)
                .body("instanceId", equalTo(id)).body("$", not(hasKey("type")))
                .body("creationStatus", equalTo("COMPLETED")).body("apiEndpoint", notNullValue())
                .extract().asString();

        assertThat(json).doesNotContainIgnoringCase("aws").doesNotContainIgnoringCase("bucket");
        List<AuditEvent> events = AuditTrail.eventsOf(subject);
        assertThat(events.get(0)).returns("INSTANCE_GET", AuditEvent::getAction).returns(AuditOutcome.SUCCEEDED, AuditEvent::getOutcome)
                .returns(id, AuditEvent::getTargetId).returns(ACCOUNT, AuditEvent::getAccountId);
        assertThat(events.get(1)).returns("INSTANCES_LIST", AuditEvent::getAction).returns(AuditOutcome.SUCCEEDED, AuditEvent::getOutcome);
        assertThat(events.get(0).getTargets())
                .anySatisfy(t -> assertThat(t).returns("INSTANCE", AuditTarget::getKind).returns(id, AuditTarget::getId));
    }

    @Test
    void anUnknownInstanceIsA404Problem() {
        given().auth().oauth2(viewer()).get("/v1/accounts/{a}/instances/{i}", ACCOUNT, "amc0000000000").then()
                .statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("INSTANCE_NOT_FOUND"))
                .body("detail", equalTo("Account " + ACCOUNT + " has no AMC instance amc0000000000."));
    }

    @Test
    void anAccountTheFacadeDoesNotAdministerIsA404AndAmcIsNotAskedForItsInstances() {
        long instanceCalls = Sandbox.requests("GET /amc/instances");

        list(viewer(), "ENTITY9UNKNOWN", null, null).statusCode(404).body("code", equalTo("ACCOUNT_NOT_FOUND"));

        assertThat(Sandbox.requests("GET /amc/instances")).isEqualTo(instanceCalls);
    }

    @Test
    void instancesPageWithTheFacadesOwnCursor() {
        String token = viewer();
        var first = list(token, ACCOUNT, 2, null).statusCode(200).body("instances", hasSize(2))
                .extract().jsonPath();
        String cursor = first.getString("nextCursor");

        list(token, ACCOUNT, 2, cursor).statusCode(200).body("instances", hasSize(1)).body("nextCursor", nullValue());
        list(token, ACCOUNT, 51, null).statusCode(400).body("errors[0].field", equalTo("limit"));
        list(token, "ENTITY2GLOBEXEU000", 2, cursor).statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void anAccountsMarketplaceIsLookedUpOnceAndPassedToAmc() {
        UsersApi.Account account = UsersApi.newAccount();
        String token = viewer();
        long accountCalls = Sandbox.requests(Sandbox.ACCOUNTS);

        list(token, account.accountId(), null, null).statusCode(200).body("instances", hasSize(3));
        long afterFirst = Sandbox.requests(Sandbox.ACCOUNTS);
        list(token, account.accountId(), null, null).statusCode(200);

        assertThat(afterFirst).isGreaterThan(accountCalls);
        assertThat(Sandbox.requests(Sandbox.ACCOUNTS)).isEqualTo(afterFirst);
    }

    private static String viewer() {
        return Callers.token(Callers.uniqueSubject("viewer"), "amc-viewer");
    }

    private static ValidatableResponse list(String token, String accountId, Integer limit, String cursor) {
        var request = given().auth().oauth2(token);
        if (limit != null) {
            request.queryParam("limit", limit);
        }
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.get("/v1/accounts/{a}/instances", accountId).then();
    }

    /** What AMC (the sandbox) itself answers for the account, AWS fields and all. */
    private static String amcInstances() {
        String lwaToken = given().formParam("grant_type", "refresh_token")
                .formParam("refresh_token", SandboxCredentials.REFRESH_TOKEN)
                .formParam("client_id", SandboxCredentials.CLIENT_ID)
                .formParam("client_secret", SandboxCredentials.CLIENT_SECRET)
                .post("/sandbox/auth/o2/token").then().statusCode(200).extract().path("access_token");
        return given().header("Amazon-Advertising-API-ClientId", SandboxCredentials.CLIENT_ID).auth().oauth2(lwaToken)
                .header("Amazon-Advertising-API-AdvertiserId", ACCOUNT)
                .header("Amazon-Advertising-API-MarketplaceId", "ATVPDKIKX0DER")
                .get("/sandbox/amc/instances").then().statusCode(200).extract().asString();
    }
}
