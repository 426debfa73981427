package io.amcfacade.support;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

import io.amcfacade.api.model.Operation;
import io.amcfacade.api.model.OperationState;
import io.amcfacade.instances.OperationFollower;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Instance writes and long-running operations through the facade, and the sandbox controls tests steer them with. */
public final class InstancesApi {

    /** Each look at an operation is a request; a test waits this long at most for AMC (three steps of 0.3 s). */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private InstancesApi() {
    }

    public static ValidatableResponse create(String adminToken, String accountId, String name, String idempotencyKey) {
        var request = given().auth().oauth2(adminToken).contentType(ContentType.JSON).body(Map.of("name", name));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/v1/accounts/{a}/instances", accountId).then();
    }

    public static ValidatableResponse operation(String token, String operationId) {
        return given().auth().oauth2(token).get("/v1/operations/{id}", operationId).then();
    }

    /** Reads the operation until {@code until} holds of it, or fails after {@link #PATIENCE}. */
    public static Operation await(String token, String operationId, Predicate<Operation> until) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Operation last = null;
        while (System.nanoTime() < deadline) {
            last = operation(token, operationId).statusCode(200).extract().as(Operation.class);
            if (until.test(last)) {
                return last;
            }
            followDueOperations();
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        throw new AssertionError("Operation " + operationId + " never got there; last seen: " + last);
    }

    /**
     * Inside a {@code @QuarkusTest} the application's follower runs one round now, as its timer would on the next
     * one-second tick (the lease keeps the two from looking at one operation twice); against a packaged jar there is
     * no container here and the jar's own timer does it.
     */
    private static void followDueOperations() {
        ArcContainer container = Arc.container();
        if (container != null && container.isRunning()) {
            container.instance(OperationFollower.class).get().followDue();
        }
    }

    public static Operation awaitEnd(String token, String operationId) {
        return await(token, operationId, o -> o.getState() != OperationState.RUNNING);
    }

    /** A created instance, followed to its end; answers its id. */
    public static String createdInstance(String adminToken, String accountId, String name) {
        String operationId = create(adminToken, accountId, name, null).statusCode(202).extract().path("operationId");
        Operation done = awaitEnd(adminToken, operationId);
        if (done.getState() != OperationState.SUCCEEDED) {
            throw new AssertionError("The create did not succeed: " + done);
        }
        return done.getInstanceId();
    }

    public static ValidatableResponse updateAdvertisers(String adminToken, String accountId, String instanceId,
            Object body) {
        return given().auth().oauth2(adminToken).contentType(ContentType.JSON).body(body)
                .post("/v1/accounts/{a}/instances/{i}/advertisers/updates", accountId, instanceId).then();
    }

    /** As if the operation's deadline had passed: due now, with its deadline a second ago. */
    public static void pastDeadline(String operationId) {
        operationRow(operationId, "deadline = now() - interval '1 second', next_check_at = now()");
    }

    /** Keeps the follower away from the operation (due in an hour) until {@link #dueNow}. */
    public static void postponed(String operationId) {
        operationRow(operationId, "next_check_at = now() + interval '1 hour'");
    }

    public static void dueNow(String operationId) {
        operationRow(operationId, "next_check_at = now()");
    }

    private static void operationRow(String operationId, String set) {
        try (Connection connection = OwnerDatabase.connect(); PreparedStatement update = connection.prepareStatement(
                "UPDATE instance_operations SET " + set + " WHERE operation_id = ?::uuid")) {
            update.setString(1, operationId);
            if (update.executeUpdate() != 1) {
                throw new AssertionError("No operation " + operationId);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the instance's advertiser updates through the facade until AMC reports each of them {@code status}. */
    public static void awaitAmcUpdates(String token, String accountId, String instanceId, String status) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            java.util.List<String> statuses = given().auth().oauth2(token)
                    .get("/v1/accounts/{a}/instances/{i}/advertisers/updates", accountId, instanceId).then().statusCode(200)
                    .extract().jsonPath().getList("updates.status", String.class);
            if (!statuses.isEmpty() && statuses.stream().allMatch(status::equals)) {
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        throw new AssertionError("AMC's updates of " + instanceId + " never all became " + status);
    }

    /** An instance as AMC's instant self-service access makes it (a sandbox control); answers its id. */
    public static String instantInstance(String accountId, String name) {
        return given().contentType(ContentType.JSON).body(Map.of("instanceName", name))
                .post("/sandbox/accounts/{a}/instant-instances", accountId).then().statusCode(201)
                .extract().path("instanceId");
    }

    /** Amazon's reviewer deciding an advertiser update awaiting approval (a sandbox control). */
    public static void review(String accountId, String instanceId, long updateId, String decision) {
        given().contentType(ContentType.JSON).body(Map.of("decision", decision))
                .post("/sandbox/accounts/{a}/instances/{i}/advertiser-updates/{u}/review", accountId, instanceId, updateId)
                .then().statusCode(200);
    }

    /** Pins an instance's creation status in the sandbox ({@code null} lets its clock decide again). */
    public static void pinCreationStatus(String accountId, String instanceId, String status) {
        given().contentType(ContentType.JSON).body(status == null ? "{}" : "{\"status\":\"" + status + "\"}")
                .put("/sandbox/accounts/{a}/instances/{i}/creation-status", accountId, instanceId).then().statusCode(200);
    }

    /** As if AMC's ten minutes had passed for every idempotency token (a sandbox control). */
    public static void expireAmcTokens() {
        given().post("/sandbox/instance-tokens/expire").then().statusCode(200);
    }
}
