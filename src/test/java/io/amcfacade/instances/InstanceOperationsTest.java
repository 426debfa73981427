package io.amcfacade.instances;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.amcfacade.api.model.AdvertiserUpdateStatus;
import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditEventPage;
import io.amcfacade.api.model.Operation;
import io.amcfacade.sandbox.SandboxCredentials;
import io.amcfacade.support.Callers;
import io.amcfacade.support.Faults;
import io.amcfacade.support.InstancesApi;
import io.amcfacade.support.Sandbox;
import io.amcfacade.support.UsersApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Instance writes as long-running operations, against the sandbox over HTTP and real PostgreSQL: a create
 * followed to COMPLETED and audited transition by transition; a lost answer and a retry after AMC forgot the
 * token making one instance; an advertiser update through manual review, approved and rejected, and a second
 * one refused while the first is open; a delete refused without naming the instance; an instant-access
 * instance refused without an AMC call once the facade knows it; a lost answer to an advertiser update AMC finished
 * found instead of sent again; an operation past its deadline ending TIMED_OUT.
 */
@QuarkusTest
class InstanceOperationsTest {

    private static final String CREATE = "POST /amc/instances";
    private static final String DELETE = "DELETE /amc/instances/{id}";
    private static final String RENAME = "PUT /amc/instances/{id}";
    private static final String ADVERTISER_UPDATE = "POST /amc/instances/{id}/advertisers/updates";

    @Inject
    OperationFollower follower;

    private String admin;
    private String adminToken;
    private String auditorToken;

    @BeforeEach
    void callers() {
        admin = Callers.uniqueSubject("instance-admin");
        adminToken = Callers.token(admin, "amc-admin");
        auditorToken = Callers.token(Callers.uniqueSubject("auditor"), "auditor");
    }

    @AfterEach
    void healthy() {
        Sandbox.healthyAgain();
    }

    @Test
    void aCreateIsFollowedToCompletedAndEachTransitionIsAuditedOnceLinkedToTheRequest() {
        String accountId = UsersApi.newAccount().accountId();
        var started = InstancesApi.create(adminToken, accountId, "Followed to the end", "create-" + UUID.randomUUID())
                .statusCode(202)
                .header("Location", notNullValue())
                .body("kind", equalTo("INSTANCE_CREATE"))
                .body("state", equalTo("RUNNING"))
                .body("amcStatus", equalTo("REQUESTED"))
                .extract();
        String operationId = started.path("operationId");
        assertThat(started.header("Location")).isEqualTo("/v1/operations/" + operationId);

        Operation done = InstancesApi.awaitEnd(adminToken, operationId);

        assertThat(done.getState()).isEqualTo(io.amcfacade.api.model.OperationState.SUCCEEDED);
        assertThat(done.getAmcStatus()).isEqualTo("COMPLETED");
        assertThat(done.getProgress()).isEqualTo(100);
        assertThat(done.getInstance().getName()).isEqualTo("Followed to the end");
        assertThat(done.getFinishedAt()).isNotNull();
        assertThat(done.getStartedBy().getActor()).isEqualTo(admin);
        AuditEvent request = given().auth().oauth2(auditorToken).get("/v1/audit/events/{id}", done.getStartedBy().getEventId())
                .then().statusCode(200).extract().as(AuditEvent.class);
        assertThat(request.getAction()).isEqualTo("INSTANCE_CREATE");
        assertThat(request.getHttpStatus()).isEqualTo(202);

        List<AuditEvent> transitions = transitionsOf(accountId, operationId);
        assertThat(transitions).extracting(e -> e.getActor().getSubject()).containsOnly("system:operations");
        assertThat(transitions).extracting(AuditEvent::getRequestSummary)
                .allSatisfy(summary -> assertThat(summary).contains(done.getStartedBy().getEventId().toString()))
                .anySatisfy(summary -> assertThat(summary).contains("\"to\":\"COMPLETED\""));
        assertThat(transitions.stream().map(AuditEvent::getRequestSummary).filter(s -> s.contains("\"to\":\"COMPLETED\"")))
                .as("COMPLETED is recorded once").hasSize(1);
        assertThat(transitions).allSatisfy(e -> assertThat(e.getTargets()).extracting(t -> t.getId())
                .containsExactly(done.getInstanceId()));
    }

    @Test
    void aLostAnswerAndARetryWithTheSameKeyAfterAmcForgotTheTokenMakeOneInstance() {
        String accountId = UsersApi.newAccount().accountId();
        String key = "lost-" + UUID.randomUUID();
        long createsBefore = Sandbox.requests(CREATE);
        Sandbox.faults(Faults.dropConnections(1.0).afterProcessing().on(CREATE).times(1));

        String operationId = InstancesApi.create(adminToken, accountId, "Lost answer", key).statusCode(202)
                .body("state", equalTo("RUNNING"))
                .extract().path("operationId");
        Sandbox.clearFaults();
        InstancesApi.expireAmcTokens();
        InstancesApi.create(adminToken, accountId, "Lost answer", key).statusCode(202)
                .header("Idempotent-Replayed", "true")
                .header("Location", "/v1/operations/" + operationId)
                .body("operationId", equalTo(operationId));

        Operation done = InstancesApi.awaitEnd(adminToken, operationId);

        assertThat(done.getState()).isEqualTo(io.amcfacade.api.model.OperationState.SUCCEEDED);
        assertThat(Sandbox.requests(CREATE) - createsBefore).as("AMC was asked to create once").isEqualTo(1);
        List<String> named = given().auth().oauth2(adminToken).get("/v1/accounts/{a}/instances?limit=50", accountId)
                .then().statusCode(200).extract().jsonPath().getList("instances.findAll { it.name == 'Lost answer' }.instanceId");
        assertThat(named).containsExactly(done.getInstanceId());
    }

    @Test
    void anAdvertiserUpdateGoesThroughManualReviewToCompletedAndAnotherIsRejected() {
        String accountId = UsersApi.newAccount().accountId();
        String instanceId = InstancesApi.createdInstance(adminToken, accountId, "Reviewed advertisers");
        Map<String, Object> twoAdvertisers = Map.of("add", List.of(
                Map.of("id", "ENTITYADDED" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), "type", "SPONSORED_ADS",
                        "marketplaceId", "ATVPDKIKX0DER"),
                Map.of("id", "dsp" + UUID.randomUUID().toString().substring(0, 8), "type", "DISPLAY")));

        String first = InstancesApi.updateAdvertisers(adminToken, accountId, instanceId, twoAdvertisers).statusCode(202)
                .body("kind", equalTo("ADVERTISER_UPDATE")).extract().path("operationId");
        Operation awaiting = InstancesApi.await(adminToken, first, o -> "AWAITING_APPROVAL".equals(o.getAmcStatus()));
        assertThat(awaiting.getState()).isEqualTo(io.amcfacade.api.model.OperationState.RUNNING);

        long updatesBefore = Sandbox.requests(ADVERTISER_UPDATE);
        InstancesApi.updateAdvertisers(adminToken, accountId, instanceId, twoAdvertisers).statusCode(409)
                .body("code", equalTo("ADVERTISER_UPDATE_OPEN"));
        assertThat(Sandbox.requests(ADVERTISER_UPDATE)).as("refused before AMC was asked").isEqualTo(updatesBefore);

        InstancesApi.review(accountId, instanceId, awaiting.getUpdateId(), "APPROVE");
        Operation approved = InstancesApi.awaitEnd(adminToken, first);
        assertThat(approved.getState()).isEqualTo(io.amcfacade.api.model.OperationState.SUCCEEDED);
        assertThat(approved.getAdvertiserUpdate().getStatus()).isEqualTo(AdvertiserUpdateStatus.COMPLETED);
        List<String> linked = given().auth().oauth2(adminToken)
                .get("/v1/accounts/{a}/instances/{i}/advertisers", accountId, instanceId)
                .then().statusCode(200).extract().jsonPath().getList("advertisers.id");
        assertThat(linked).hasSize(3);

        String second = InstancesApi.updateAdvertisers(adminToken, accountId, instanceId, Map.of("remove", List.of(
                Map.of("id", accountId, "type", "SPONSORED_ADS", "marketplaceId", "ATVPDKIKX0DER"),
                Map.of("id", linked.get(1), "type", "SPONSORED_ADS", "marketplaceId", "ATVPDKIKX0DER"))))
                .statusCode(202).extract().path("operationId");
        Operation awaitingAgain = InstancesApi.await(adminToken, second, o -> "AWAITING_APPROVAL".equals(o.getAmcStatus()));
        InstancesApi.review(accountId, instanceId, awaitingAgain.getUpdateId(), "REJECT");
        Operation rejected = InstancesApi.awaitEnd(adminToken, second);
        assertThat(rejected.getState()).isEqualTo(io.amcfacade.api.model.OperationState.FAILED);
        assertThat(rejected.getAmcStatus()).isEqualTo("REJECTED");
        assertThat(rejected.getProblem()).isNotNull();
        assertThat(transitionsOf(accountId, second)).anySatisfy(e -> assertThat(e.getRequestSummary())
                .contains("\"to\":\"REJECTED\""));
    }

    @Test
    void anUpdateAmcHoldsOpenFromElsewhereIsAClear409() {
        String accountId = UsersApi.newAccount().accountId();
        String instanceId = InstancesApi.createdInstance(adminToken, accountId, "Updated elsewhere");
        // Another AMC client (AMC's own console, say) opens an update the facade knows nothing of.
        given().auth().oauth2(Sandbox.lwaToken()).header("Amazon-Advertising-API-ClientId", SandboxCredentials.CLIENT_ID)
                .header("Amazon-Advertising-API-AdvertiserId", accountId)
                .header("Amazon-Advertising-API-MarketplaceId", "ATVPDKIKX0DER")
                .contentType("application/vnd.amcinstances.v1+json")
                .body(Map.of("advertisersToAdd", List.of(Map.of("id", "dspelsewhere1", "type", "DISPLAY"),
                        Map.of("id", "dspelsewhere2", "type", "DISPLAY"))))
                .post("/sandbox/amc/instances/{i}/advertisers/updates", instanceId).then().statusCode(200);

        InstancesApi.updateAdvertisers(adminToken, accountId, instanceId, Map.of("add", List.of(
                Map.of("id", "dspfacade", "type", "DISPLAY")))).statusCode(409)
                .body("code", equalTo("ADVERTISER_UPDATE_OPEN"))
                .body("upstreamStatus", equalTo(400));
    }

    @Test
    void aDeleteMustNameTheInstanceAsItIsAndIsAuditedWithIt() {
        String accountId = UsersApi.newAccount().accountId();
        String instanceId = InstancesApi.createdInstance(adminToken, accountId, "Deleted deliberately");
        long deletesBefore = Sandbox.requests(DELETE);

        delete(accountId, instanceId, null).statusCode(428).body("code", equalTo("PRECONDITION_REQUIRED"));
        delete(accountId, instanceId, "\"not-its-etag\"").statusCode(412).body("code", equalTo("PRECONDITION_FAILED"));
        assertThat(Sandbox.requests(DELETE)).as("nothing sent to AMC").isEqualTo(deletesBefore);

        String etag = given().auth().oauth2(adminToken).get("/v1/accounts/{a}/instances/{i}", accountId, instanceId)
                .then().statusCode(200).extract().header("ETag");
        String operationId = delete(accountId, instanceId, etag).statusCode(202)
                .body("kind", equalTo("INSTANCE_DELETE")).extract().path("operationId");
        Operation done = InstancesApi.awaitEnd(adminToken, operationId);

        assertThat(done.getState()).isEqualTo(io.amcfacade.api.model.OperationState.SUCCEEDED);
        given().auth().oauth2(adminToken).get("/v1/accounts/{a}/instances/{i}", accountId, instanceId)
                .then().statusCode(404);
        AuditEvent request = given().auth().oauth2(auditorToken).get("/v1/audit/events/{id}", done.getStartedBy().getEventId())
                .then().statusCode(200).extract().as(AuditEvent.class);
        assertThat(request.getAction()).isEqualTo("INSTANCE_DELETE");
        assertThat(request.getRequestSummary()).contains("Deleted deliberately").contains(instanceId);
    }

    @Test
    void anInstantAccessInstanceIsMarkedAndItsWritesRefusedWithoutAskingAmcOnceKnown() {
        String accountId = UsersApi.newAccount().accountId();
        String instanceId = InstancesApi.instantInstance(accountId, "Instant access");
        long renamesBefore = Sandbox.requests(RENAME);
        rename(accountId, instanceId, "Renamed instant").statusCode(409).body("code", equalTo("INSTANT_ACCESS_INSTANCE"));
        assertThat(Sandbox.requests(RENAME) - renamesBefore).as("the first write learns it from AMC's refusal").isEqualTo(1);
        String etag = given().auth().oauth2(adminToken).get("/v1/accounts/{a}/instances/{i}", accountId, instanceId)
                .then().statusCode(200).body("instantAccess", equalTo(true)).extract().header("ETag");
        assertThat(given().auth().oauth2(adminToken).get("/v1/accounts/{a}/instances?limit=50", accountId)
                .then().statusCode(200).extract().jsonPath().getList("instances.findAll { it.instantAccess }.instanceId"))
                .as("marked in the list too").containsExactly(instanceId);
        long updatesBefore = Sandbox.requests(ADVERTISER_UPDATE);
        long deletesBefore = Sandbox.requests(DELETE);

        String refused = rename(accountId, instanceId, "Renamed again").statusCode(409)
                .body("code", equalTo("INSTANT_ACCESS_INSTANCE"))
                .body("detail", org.hamcrest.Matchers.containsString("instant self-service access"))
                .extract().header("X-Request-Id");
        InstancesApi.updateAdvertisers(adminToken, accountId, instanceId, Map.of("add", List.of(
                Map.of("id", "dspinstant", "type", "DISPLAY")))).statusCode(409)
                .body("code", equalTo("INSTANT_ACCESS_INSTANCE"));
        delete(accountId, instanceId, etag).statusCode(409).body("code", equalTo("INSTANT_ACCESS_INSTANCE"));

        assertThat(Sandbox.requests(RENAME) - renamesBefore).as("no second rename reached AMC").isEqualTo(1);
        assertThat(Sandbox.requests(ADVERTISER_UPDATE)).isEqualTo(updatesBefore);
        assertThat(Sandbox.requests(DELETE)).isEqualTo(deletesBefore);
        AuditEvent refusal = io.amcfacade.support.AuditTrail.eventWithCorrelation(admin, refused);
        assertThat(refusal.getAction()).isEqualTo("INSTANCE_UPDATE");
        assertThat(refusal.getHttpStatus()).isEqualTo(409);
        assertThat(refusal.getErrorCode()).isEqualTo("INSTANT_ACCESS_INSTANCE");
        assertThat(refusal.getUpstream() == null || refusal.getUpstream().getAttempts() == null
                || refusal.getUpstream().getAttempts() == 0).as("no AMC attempt recorded").isTrue();
    }

    @Test
    void aLostAnswerToAnAdvertiserUpdateAmcFinishedIsFoundNotSentAgain() {
        String accountId = UsersApi.newAccount().accountId();
        String instanceId = InstancesApi.createdInstance(adminToken, accountId, "Lost update answer");
        long updatesBefore = Sandbox.requests(ADVERTISER_UPDATE);
        Sandbox.faults(Faults.dropConnections(1.0).afterProcessing().on(ADVERTISER_UPDATE).times(1));

        // One advertiser: no manual review; AMC completes it in two steps, and only then does the follower look.
        String operationId = InstancesApi.updateAdvertisers(adminToken, accountId, instanceId, Map.of("add", List.of(
                Map.of("id", "dsplostanswer", "type", "DISPLAY")))).statusCode(202)
                .body("state", equalTo("RUNNING")).body("updateId", org.hamcrest.Matchers.nullValue())
                .extract().path("operationId");
        InstancesApi.postponed(operationId);
        Sandbox.clearFaults();
        InstancesApi.awaitAmcUpdates(adminToken, accountId, instanceId, "COMPLETED");
        InstancesApi.dueNow(operationId);
        Operation done = InstancesApi.awaitEnd(adminToken, operationId);

        assertThat(done.getState()).isEqualTo(io.amcfacade.api.model.OperationState.SUCCEEDED);
        assertThat(done.getUpdateId()).isNotNull();
        assertThat(Sandbox.requests(ADVERTISER_UPDATE) - updatesBefore).as("AMC was asked to update once").isEqualTo(1);
        assertThat(given().auth().oauth2(adminToken).get("/v1/accounts/{a}/instances/{i}/advertisers/updates", accountId,
                instanceId).then().statusCode(200).extract().jsonPath().getList("updates")).hasSize(1);
    }

    @Test
    void anOperationStillOpenAtItsDeadlineEndsTimedOutAndIsAuditedOnce() {
        String accountId = UsersApi.newAccount().accountId();
        String instanceId = InstancesApi.createdInstance(adminToken, accountId, "Past its deadline");
        String operationId = InstancesApi.updateAdvertisers(adminToken, accountId, instanceId, Map.of("add", List.of(
                Map.of("id", "dspreview1", "type", "DISPLAY"), Map.of("id", "dspreview2", "type", "DISPLAY"))))
                .statusCode(202).extract().path("operationId");
        InstancesApi.await(adminToken, operationId, o -> "AWAITING_APPROVAL".equals(o.getAmcStatus()));

        InstancesApi.pastDeadline(operationId);
        follower.followDue();
        follower.followDue();

        Operation late = InstancesApi.operation(adminToken, operationId).statusCode(200).extract().as(Operation.class);
        assertThat(late.getState()).isEqualTo(io.amcfacade.api.model.OperationState.TIMED_OUT);
        assertThat(late.getAmcStatus()).as("as AMC last said").isEqualTo("AWAITING_APPROVAL");
        assertThat(late.getFinishedAt()).isNotNull();
        assertThat(late.getProblem().getCode()).isEqualTo("UPSTREAM_TIMEOUT");
        assertThat(late.getProblem().getDetail()).contains("deadline").contains("AMC may still finish it");
        List<AuditEvent> timedOut = transitionsOf(accountId, operationId).stream()
                .filter(e -> e.getRequestSummary().contains("\"state\":\"TIMED_OUT\"")).toList();
        assertThat(timedOut).as("recorded once").hasSize(1);
        assertThat(timedOut.get(0).getOutcome()).isEqualTo(io.amcfacade.api.model.AuditOutcome.FAILED);
    }

    @Test
    void aCreationAmcReportsFailedEndsTheOperationFailedWithAProblem() {
        String accountId = UsersApi.newAccount().accountId();
        String operationId = InstancesApi.create(adminToken, accountId, "Doomed instance", null).statusCode(202)
                .extract().path("operationId");
        Operation named = InstancesApi.await(adminToken, operationId, o -> o.getInstanceId() != null);
        InstancesApi.pinCreationStatus(accountId, named.getInstanceId(), "FAILED");

        Operation failed = InstancesApi.awaitEnd(adminToken, operationId);

        assertThat(failed.getState()).isEqualTo(io.amcfacade.api.model.OperationState.FAILED);
        assertThat(failed.getAmcStatus()).isEqualTo("FAILED");
        assertThat(failed.getProblem().getCode()).isEqualTo("UPSTREAM_REJECTED");
    }

    @Test
    void aBodyBreakingAmcsRulesIsRefusedBeforeAmcIsAsked() {
        String accountId = UsersApi.newAccount().accountId();
        long createsBefore = Sandbox.requests(CREATE);
        InstancesApi.create(adminToken, accountId, "no", null).statusCode(400).body("code", equalTo("INVALID_REQUEST"));
        InstancesApi.create(adminToken, accountId, "Not_allowed!", null).statusCode(400);
        InstancesApi.updateAdvertisers(adminToken, accountId, "amcwhatever", Map.of("add", List.of())).statusCode(400);
        assertThat(Sandbox.requests(CREATE)).isEqualTo(createsBefore);
        InstancesApi.create(Callers.token(Callers.uniqueSubject("viewer"), "amc-viewer"), accountId, "Viewer create", null)
                .statusCode(403);
    }

    private io.restassured.response.ValidatableResponse rename(String accountId, String instanceId, String name) {
        return given().auth().oauth2(adminToken).contentType(ContentType.JSON).body(Map.of("name", name))
                .put("/v1/accounts/{a}/instances/{i}", accountId, instanceId).then();
    }

    private io.restassured.response.ValidatableResponse delete(String accountId, String instanceId, String ifMatch) {
        var request = given().auth().oauth2(adminToken);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.delete("/v1/accounts/{a}/instances/{i}", accountId, instanceId).then();
    }

    private List<AuditEvent> transitionsOf(String accountId, String operationId) {
        return given().auth().oauth2(auditorToken).queryParam("action", "OPERATION_TRANSITION")
                .queryParam("accountId", accountId).queryParam("limit", 100).get("/v1/audit/events")
                .then().statusCode(200).extract().as(AuditEventPage.class).getEvents().stream()
                .filter(e -> e.getRequestSummary() != null && e.getRequestSummary().contains(operationId)).toList();
    }
}
