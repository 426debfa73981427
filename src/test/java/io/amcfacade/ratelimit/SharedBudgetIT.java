package io.amcfacade.ratelimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.amcfacade.support.FacadeProcess;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Two replicas of the packaged jar on loopback share one PostgreSQL (the first one's embedded cluster)
 * and one upstream (the first one's sandbox). Both are loaded far beyond the budget of the
 * {@code instances} group at once; the sandbox's own count of requests received is the judge.
 */
class SharedBudgetIT {

    private static final int PER_SECOND = 5;
    private static final String LIST_INSTANCES = "GET /amc/instances";
    private static final long LOAD_MILLIS = 4000;
    private static final int CALLERS_PER_REPLICA = 6;

    private final List<FacadeProcess> replicas = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (int i = replicas.size() - 1; i >= 0; i--) {
            replicas.get(i).kill();
        }
    }

    @Test
    void twoReplicasTogetherStayWithinTheSharedUpstreamBudget() throws Exception {
        int databasePort = FacadeProcess.freePort();
        Path firstDir = Files.createTempDirectory("amc-facade-replica-a");
        FacadeProcess first = replica(firstDir, Map.of("AMC_DB_EMBEDDED_PORT", Integer.toString(databasePort)));
        String jdbcUrl = "jdbc:postgresql://localhost:" + databasePort + "/postgres";
        FacadeProcess second = replica(Files.createTempDirectory("amc-facade-replica-b"), Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl,
                "QUARKUS_DATASOURCE_USERNAME", "amc_app",
                "QUARKUS_DATASOURCE_PASSWORD", "",
                "QUARKUS_FLYWAY_JDBC_URL", jdbcUrl,
                "QUARKUS_FLYWAY_USERNAME", "postgres",
                "QUARKUS_FLYWAY_PASSWORD", "trust",
                "AMC_AUDIT_SIGNING_KEY_FILE", firstDir.resolve("data/keys/audit-seal.key").toString(),
                "AMC_SANDBOX_BASE_URL", "http://localhost:" + first.port() + "/sandbox"));
        List<String> tokens = List.of(token(first), token(second));
        for (int i = 0; i < replicas.size(); i++) {
            listInstances(replicas.get(i), tokens.get(i)).then().statusCode(200);
        }
        given().spec(first.spec()).delete("/sandbox/stats").then().statusCode(200);

        Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS_PER_REPLICA * replicas.size());
        try {
            List<Future<?>> callers = new ArrayList<>();
            for (int i = 0; i < replicas.size(); i++) {
                FacadeProcess replica = replicas.get(i);
                String token = tokens.get(i);
                String name = "replica" + i;
                for (int c = 0; c < CALLERS_PER_REPLICA; c++) {
                    callers.add(pool.submit(() -> {
                        while (System.nanoTime() - started < TimeUnit.MILLISECONDS.toNanos(LOAD_MILLIS)) {
                            Response answer = listInstances(replica, token);
                            answers.computeIfAbsent(name + ":" + answer.statusCode()
                                    + (answer.statusCode() == 429 && answer.header("Retry-After") != null ? "+Retry-After" : ""),
                                    k -> new AtomicInteger()).incrementAndGet();
                        }
                    }));
                }
            }
            for (Future<?> caller : callers) {
                caller.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Number received = given().spec(first.spec()).get("/sandbox/stats").then().statusCode(200)
                .extract().path("endpoints.'" + LIST_INSTANCES + "'.requests");
        double seconds = (System.nanoTime() - started) / 1e9;

        System.out.printf("SharedBudgetIT: %d AMC calls in %.1f s for a budget of %d/s (burst %d); answers %s%n",
                received.longValue(), seconds, PER_SECOND, PER_SECOND, answers);
        assertThat(received.longValue()).as("a full bucket, then %d a second, for both replicas together", PER_SECOND)
                .isLessThanOrEqualTo(PER_SECOND + (long) Math.ceil(PER_SECOND * seconds));
        assertThat(answers).as("both replicas were served").containsKeys("replica0:200", "replica1:200");
        assertThat(answers).as("callers beyond the budget got 429 with Retry-After once their deadline came")
                .containsKey("replica0:429+Retry-After").containsKey("replica1:429+Retry-After");
    }

    private FacadeProcess replica(Path workDir, Map<String, String> environment) throws Exception {
        FacadeProcess replica = new FacadeProcess(workDir, FacadeProcess.freePort());
        replicas.add(replica);
        Map<String, String> all = new java.util.HashMap<>(environment);
        all.put("AMC_UPSTREAM_RATE_LIMIT_INSTANCES_REQUESTS_PER_SECOND", Integer.toString(PER_SECOND));
        all.put("AMC_UPSTREAM_DEADLINE", "PT2S");
        replica.start("replica", all);
        return replica;
    }

    private static String token(FacadeProcess replica) {
        return given().spec(replica.spec()).contentType(ContentType.JSON)
                .body(Map.of("subject", "it-budget", "roles", List.of("amc-viewer")))
                .post("/sandbox/tokens").then().statusCode(200).extract().path("access_token");
    }

    private static Response listInstances(FacadeProcess replica, String token) {
        return given().spec(replica.spec()).auth().oauth2(token)
                .get("/v1/accounts/{account}/instances", "ENTITY1ACMERETAIL0").andReturn();
    }
}
