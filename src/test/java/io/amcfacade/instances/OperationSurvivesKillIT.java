package io.amcfacade.instances;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.amcfacade.support.FacadeProcess;
import io.amcfacade.support.WebhookReceiver;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The packaged jar is killed ({@code kill -9}) while an instance it is creating is IN_PROGRESS at AMC, and started
 * again on the same database: the operation is taken up again, followed to COMPLETED, and each transition is in
 * the trail once. AMC is another jar's sandbox, so it outlives the facade's death. An event subscription of the
 * account, delivered by the jar's own timer to a receiver in the test, loses nothing across the kill: every action
 * of the account in the trail arrives, and an event that arrives twice has the same {@code webhook-id} both times.
 */
class OperationSurvivesKillIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private FacadeProcess amc;
    private FacadeProcess facade;
    private WebhookReceiver receiver;

    @AfterEach
    void stop() throws InterruptedException {
        if (receiver != null) {
            receiver.close();
        }
        if (facade != null) {
            facade.close();
        }
        if (amc != null) {
            amc.close();
        }
    }

    @Test
    void anOperationInProgressAtAKillIsCompletedAfterTheRestartAndAuditedOnce() throws Exception {
        amc = new FacadeProcess(Files.createTempDirectory("amc-facade-operations-upstream"), FacadeProcess.freePort());
        amc.start("upstream", Map.of("AMC_SANDBOX_INSTANCE_STEP", "PT0.5S", "AMC_ACCESS_SCHEDULED", "false"));
        Path workDir = Files.createTempDirectory("amc-facade-operations-it");
        Map<String, String> followsFast = Map.of("AMC_SANDBOX_BASE_URL", amc.baseUri() + "/sandbox",
                "AMC_ACCESS_SCHEDULED", "false", "AMC_OPERATIONS_LEASE", "PT2S",
                "AMC_OPERATIONS_MAX_CHECK_INTERVAL", "PT1S", "AMC_EVENTS_LEASE", "PT2S", "AMC_EVENTS_RETRY_BASE", "PT0.2S");
        facade = new FacadeProcess(workDir, FacadeProcess.freePort());
        facade.start("before-the-kill", followsFast);
        String token = facade.sandboxToken("it-operations", "amc-admin", "auditor");

        String accountId = given().spec(amc.spec()).contentType(ContentType.JSON).body(Map.of("accountName", "Kill test"))
                .post("/sandbox/accounts").then().statusCode(201).extract().path("accountId");
        receiver = WebhookReceiver.answering(200);
        given().spec(facade.spec()).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("endpoint", receiver.url(), "format", "cloudevents", "signing", "ed25519", "filter",
                        Map.of("accountIds", List.of(accountId), "actions", List.of("INSTANCE_CREATE", "OPERATION_TRANSITION"))))
                .post("/v1/event-subscriptions").then().statusCode(201);
        String operationId = given().spec(facade.spec()).auth().oauth2(token).contentType(ContentType.JSON)
                .header("Idempotency-Key", "kill-" + System.nanoTime()).body(Map.of("name", "Survives a kill"))
                .post("/v1/accounts/{a}/instances", accountId).then().statusCode(202).extract().path("operationId");
        String instanceId = await(token, operationId, o -> o.getString("instanceId") != null).getString("instanceId");
        pin(accountId, instanceId, "IN_PROGRESS");
        await(token, operationId, o -> "IN_PROGRESS".equals(o.getString("amcStatus")));

        facade.process().destroyForcibly(); // kill -9: no shutdown hook runs, the lease stays taken
        assertThat(facade.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        pin(accountId, instanceId, null); // AMC carries on meanwhile: COMPLETED by its clock

        facade.start("after-the-kill", followsFast);
        JsonPath done = await(token, operationId, o -> !"RUNNING".equals(o.getString("state")));

        assertThat(done.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(done.getString("amcStatus")).isEqualTo("COMPLETED");
        List<String> summaries = given().spec(facade.spec()).auth().oauth2(token)
                .queryParam("action", "OPERATION_TRANSITION").queryParam("accountId", accountId).queryParam("limit", 100)
                .get("/v1/audit/events").then().statusCode(200).extract().jsonPath().getList("events.requestSummary");
        List<String> ours = summaries.stream().filter(s -> s.contains(operationId)).toList();
        assertThat(ours.stream().filter(s -> s.contains("\"to\":\"IN_PROGRESS\""))).as("IN_PROGRESS recorded once").hasSize(1);
        assertThat(ours.stream().filter(s -> s.contains("\"to\":\"COMPLETED\""))).as("COMPLETED recorded once").hasSize(1);
        assertThat(ours).as("no transition recorded twice").doesNotHaveDuplicates();

        List<String> actions = given().spec(facade.spec()).auth().oauth2(token).queryParam("accountId", accountId)
                .queryParam("limit", 100).get("/v1/audit/events").then().statusCode(200).extract().jsonPath()
                .getList("events.findAll { it.action == 'INSTANCE_CREATE' || it.action == 'OPERATION_TRANSITION' }.eventId");
        assertThat(actions).as("the create and its transitions").hasSizeGreaterThanOrEqualTo(3);
        Map<String, java.util.Set<String>> delivered = awaitDelivered(actions);
        assertThat(delivered.keySet()).as("every action of the account delivered across the kill").containsAll(actions);
        assertThat(delivered.values()).as("an event sent twice carries the same webhook-id").allMatch(ids -> ids.size() == 1);
    }

    /** Event id to the webhook ids it arrived under, once every one of {@code eventIds} arrived (or the patience ran out). */
    private Map<String, java.util.Set<String>> awaitDelivered(List<String> eventIds) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Map<String, java.util.Set<String>> delivered = new java.util.HashMap<>();
        while (System.nanoTime() < deadline) {
            delivered.clear();
            for (WebhookReceiver.Received r : receiver.accepted()) {
                String eventId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).path("id").asText();
                delivered.computeIfAbsent(eventId, e -> new java.util.TreeSet<>()).add(r.webhookId());
            }
            if (delivered.keySet().containsAll(eventIds)) {
                return delivered;
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        return delivered;
    }

    private void pin(String accountId, String instanceId, String status) {
        given().spec(amc.spec()).contentType(ContentType.JSON)
                .body(status == null ? "{}" : "{\"status\":\"" + status + "\"}")
                .put("/sandbox/accounts/{a}/instances/{i}/creation-status", accountId, instanceId).then().statusCode(200);
    }

    private JsonPath await(String token, String operationId, Predicate<JsonPath> until) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonPath last = null;
        while (System.nanoTime() < deadline) {
            last = given().spec(facade.spec()).auth().oauth2(token).get("/v1/operations/{id}", operationId)
                    .then().statusCode(200).extract().jsonPath();
            if (until.test(last)) {
                return last;
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        throw new AssertionError("Operation " + operationId + " never got there; last seen: " + last.prettify());
    }
}
