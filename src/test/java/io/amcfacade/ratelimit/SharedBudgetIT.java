package io.amcfacade.ratelimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Isolated;

import io.amcfacade.support.FacadeProcess;
import io.amcfacade.support.Metrics;
import io.amcfacade.support.TwoReplicas;
import io.restassured.response.Response;

/**
 * Two replicas of the packaged jar on loopback share one PostgreSQL (the first one's embedded cluster)
 * and one upstream (the first one's sandbox), started once for every such test ({@link TwoReplicas}). Both are loaded far beyond the budget of the
 * {@code instances} group at once; the sandbox's own count of requests received is the judge. A
 * caller's own limit holds across the two as well. Its load phases need the machine to themselves (the
 * replicas must serve a few hundred calls in four seconds within a two-second upstream deadline), so it runs
 * alone, not beside another integration test class ({@link Isolated}).
 */
@Isolated("its load phases measure what two replicas serve in four seconds")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedBudgetIT {

    private static final int PER_SECOND = TwoReplicas.INSTANCES_PER_SECOND;
    private static final String LIST_INSTANCES = "GET /amc/instances";
    private static final long LOAD_MILLIS = 4000;
    private static final int CALLERS_PER_REPLICA = 6;
    private static final int AUDITS_PER_MINUTE = TwoReplicas.AUDITS_PER_MINUTE;

    private final List<FacadeProcess> replicas = new ArrayList<>();

    @BeforeAll
    void startTwoReplicas() throws Exception {
        replicas.addAll(TwoReplicas.shared());
    }

    @Test
    void aCallersLimitHoldsAcrossReplicas() {
        List<String> tokens = replicas.stream().map(replica -> token(replica, "it-auditor", "auditor")).toList();
        for (int i = 0; i < AUDITS_PER_MINUTE; i++) {
            audit(replicas.get(i % 2), tokens.get(i % 2)).then().statusCode(200);
        }
        for (int i = 0; i < replicas.size(); i++) {
            audit(replicas.get(i), tokens.get(i)).then().statusCode(429)
                    .header("RateLimit", startsWith("\"auditor\";r=0;"));
        }
    }

    @Test
    void twoReplicasTogetherStayWithinTheSharedUpstreamBudget() throws Exception {
        FacadeProcess first = replicas.get(0);
        List<String> tokens = replicas.stream().map(replica -> token(replica, "it-budget", "amc-viewer")).toList();
        for (int i = 0; i < replicas.size(); i++) {
            listInstances(replicas.get(i), tokens.get(i)).then().statusCode(200);
        }
        given().spec(first.spec()).delete("/sandbox/stats").then().statusCode(200);

        long started = System.nanoTime();
        Map<String, AtomicInteger> answers = load(started, tokens, (replica, token) -> listInstances(replica, token));
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

    /**
     * At 200 calls a second a replica leases a tenth of a second's budget at a time instead of asking the
     * shared bucket before every AMC call: far fewer database round trips than AMC calls, and the two
     * replicas together still within the budget.
     */
    @Test
    void replicasLeaseTokensInBatchesAndStillStayWithinTheSharedBudget() throws Exception {
        int perSecond = TwoReplicas.INVITATIONS_PER_SECOND;
        FacadeProcess first = replicas.get(0);
        List<String> tokens = replicas.stream().map(replica -> token(replica, "it-lease", "amc-viewer")).toList();
        given().spec(first.spec()).delete("/sandbox/stats").then().statusCode(200);
        List<Double> takesBefore = replicas.stream().map(SharedBudgetIT::invitationBucketTakes).toList();

        long started = System.nanoTime();
        Map<String, AtomicInteger> answers = load(started, tokens, (replica, token) -> given().spec(replica.spec())
                .auth().oauth2(token).get("/v1/accounts/{account}/invitations", "ENTITY1ACMERETAIL0").andReturn());
        double seconds = (System.nanoTime() - started) / 1e9;
        Number count = given().spec(first.spec()).get("/sandbox/stats").then().statusCode(200)
                .extract().path("endpoints.'POST /user-invitations/list'.requests");
        long received = count == null ? 0 : count.longValue(); // none received: the assertions below name the answers
        double takes = 0;
        for (int i = 0; i < replicas.size(); i++) {
            takes += invitationBucketTakes(replicas.get(i)) - takesBefore.get(i);
        }

        System.out.printf("SharedBudgetIT: %d AMC calls in %.1f s for a budget of %d/s, %.0f bucket round trips; answers %s%n",
                received, seconds, perSecond, takes, answers);
        assertThat(answers).as("both replicas were served").containsKeys("replica0:200", "replica1:200");
        assertThat(received).as("a full bucket, then %d a second, for both replicas together", perSecond)
                .isLessThanOrEqualTo(perSecond + (long) Math.ceil(perSecond * seconds));
        assertThat(takes).as("leases of a tenth of a second's budget, not a round trip per call")
                .isGreaterThan(0).isLessThan(received / 2.0);
    }

    /**
     * {@link #CALLERS_PER_REPLICA} callers on each replica sending {@code request} for {@link #LOAD_MILLIS}
     * from {@code started}: the answers counted as {@code replicaN:status}, with {@code +Retry-After} on a 429 that has one.
     */
    private Map<String, AtomicInteger> load(long started, List<String> tokens,
            BiFunction<FacadeProcess, String, Response> request) throws Exception {
        Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
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
                            Response answer = request.apply(replica, token);
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
        return answers;
    }

    private static double invitationBucketTakes(FacadeProcess replica) {
        String metrics = given().spec(replica.spec()).auth().oauth2(replica.sandboxToken("it-metrics", "auditor"))
                .get("/q/metrics").asString();
        return Metrics.sum(metrics, "amc_ratelimit_bucket_takes_total", "bucket=\"invitations\"");
    }

    private static String token(FacadeProcess replica, String subject, String role) {
        return replica.sandboxToken(subject, role);
    }

    private static Response audit(FacadeProcess replica, String token) {
        return given().spec(replica.spec()).auth().oauth2(token).queryParam("limit", 1).get("/v1/audit/events").andReturn();
    }

    private static Response listInstances(FacadeProcess replica, String token) {
        return given().spec(replica.spec()).auth().oauth2(token)
                .get("/v1/accounts/{account}/instances", "ENTITY1ACMERETAIL0").andReturn();
    }
}
