package io.amcfacade.resilience;

import static io.amcfacade.resilience.UpstreamRetryTest.LIST_INSTANCES;
import static io.amcfacade.resilience.UpstreamRetryTest.listInstances;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.amcfacade.support.Callers;
import io.amcfacade.support.Faults;
import io.amcfacade.support.Sandbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The circuit breaker opens after five consecutive failed attempts, answers fast 503s while open, shows
 * in readiness without making the service unready, and closes after a successful trial call (3 s
 * later in the test profile, long enough that a loaded machine does not reach the trial early). The bulkhead refuses calls beyond eight in flight at once (test profile)
 * instead of letting them queue.
 */
@QuarkusTest
class CircuitBreakerAndBulkheadTest {

    private static final int BULKHEAD = 8;

    @AfterEach
    void healthyAgain() {
        Sandbox.healthyAgain();
    }

    @Test
    void consecutiveFailuresOpenTheBreakerWhichFailsFastAndRecovers() {
        String subject = Callers.uniqueSubject("viewer");
        listInstances(subject).statusCode(200);
        Sandbox.faults(Faults.errors(1.0, 500).on(LIST_INSTANCES));
        listInstances(subject).statusCode(502);
        // Attempts four and five fail as well, and the breaker opens before a sixth is sent.
        listInstances(subject).statusCode(503).body("code", equalTo("UPSTREAM_CIRCUIT_OPEN"));
        long sent = Sandbox.requests(LIST_INSTANCES);

        long started = System.nanoTime();
        listInstances(subject).statusCode(503).header("Retry-After", "3").body("code", equalTo("UPSTREAM_CIRCUIT_OPEN"));
        assertThat((System.nanoTime() - started) / 1_000_000).as("answered before one attempt could time out")
                .isLessThan(2000);
        assertThat(Sandbox.requests(LIST_INSTANCES)).as("nothing sent while open").isEqualTo(sent);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'amc-upstream' }.data.state", equalTo("degraded"));

        Sandbox.clearFaults();
        long reopensBy = System.nanoTime() + 10_000_000_000L;
        int status;
        do {
            status = listInstances(subject).extract().statusCode();
        } while (status != 200 && System.nanoTime() < reopensBy);
        assertThat(status).as("a trial call after the 3 s delay closes the breaker").isEqualTo(200);
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'amc-upstream' }.data.state", equalTo("available"));
    }

    @Test
    void callsBeyondTheBulkheadAreRefusedFastInsteadOfQueued() throws Exception {
        listInstances(Callers.uniqueSubject("viewer")).statusCode(200);
        Sandbox.faults(Faults.latency(1000).on(LIST_INSTANCES));
        String token = Callers.token(Callers.uniqueSubject("viewer"), "amc-viewer");
        int callers = BULKHEAD * 2;

        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CyclicBarrier together = new CyclicBarrier(callers);
        List<Response> answers = new ArrayList<>();
        try {
            List<Future<Response>> responses = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                responses.add(pool.submit(() -> {
                    together.await();
                    return given().auth().oauth2(token)
                            .get("/v1/accounts/{account}/instances", "ENTITY1ACMERETAIL0").andReturn();
                }));
            }
            for (Future<Response> response : responses) {
                answers.add(response.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(answers.stream().map(Response::statusCode).toList()).containsOnly(200, 503).contains(200);
        assertThat(answers).filteredOn(a -> a.statusCode() == 503).as("twice the bulkhead at once").isNotEmpty()
                .allSatisfy(a -> {
                    assertThat(a.jsonPath().getString("code")).isEqualTo("UPSTREAM_BUSY");
                    assertThat(a.header("Retry-After")).isEqualTo("1");
                });
        long slowestRefusal = answers.stream().filter(a -> a.statusCode() == 503)
                .mapToLong(a -> a.timeIn(TimeUnit.MILLISECONDS)).max().orElseThrow();
        long fastestAnswer = answers.stream().filter(a -> a.statusCode() == 200)
                .mapToLong(a -> a.timeIn(TimeUnit.MILLISECONDS)).min().orElseThrow();
        assertThat(slowestRefusal).as("refused without waiting for AMC's 1 s latency, unlike any call let through")
                .isLessThan(fastestAnswer);
    }
}
