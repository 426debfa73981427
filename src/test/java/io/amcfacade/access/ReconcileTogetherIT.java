package io.amcfacade.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.amcfacade.support.Callers;
import io.amcfacade.support.FacadeProcess;
import io.amcfacade.support.TwoReplicas;
import io.amcfacade.support.WebhookReceiver;
import io.restassured.http.ContentType;

/**
 * Two replicas of the packaged jar on one PostgreSQL and one upstream (the first one's sandbox,
 * {@link TwoReplicas}) run
 * reconciliation passes at the same time: every console change is recorded exactly once, every account
 * has one baseline, and the pass log shows no two passes over one account overlapping in time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReconcileTogetherIT {

    private static final int ACCOUNTS = 4;
    private static final int USERS_PER_ACCOUNT = 12;

    private final List<FacadeProcess> replicas = new ArrayList<>();
    private String jdbcUrl;

    @BeforeAll
    void startTwoReplicas() throws Exception {
        replicas.addAll(TwoReplicas.shared());
        jdbcUrl = TwoReplicas.jdbcUrl();
    }

    @Test
    @Order(1)
    void twoReplicasNeverRecordAChangeTwiceNorReconcileOneAccountAtOnce() throws Exception {
        FacadeProcess upstream = replicas.get(0);
        List<String> accounts = new ArrayList<>();
        Map<String, List<String>> users = new HashMap<>();
        for (int a = 0; a < ACCOUNTS; a++) {
            String account = given().spec(upstream.spec()).contentType(ContentType.JSON).body(Map.of())
                    .post("/sandbox/accounts").then().statusCode(201).extract().path("accountId");
            accounts.add(account);
            List<String> ids = new ArrayList<>();
            for (int u = 0; u < USERS_PER_ACCOUNT; u++) {
                ids.add(console(upstream, account, Map.of("emailAddress", "u" + u + "@" + account.toLowerCase() + ".example",
                        "userName", "User " + u, "role", "viewer", "addUser", true)));
            }
            users.put(account, ids);
        }
        reconcileTogether();

        for (String account : accounts) {
            console(upstream, account, Map.of("emailAddress", "late@" + account.toLowerCase() + ".example",
                    "userName", "Late", "role", "viewer", "addUser", true));
            console(upstream, account, Map.of("userId", users.get(account).get(0), "role", "admin"));
            console(upstream, account, Map.of("userId", users.get(account).get(1), "remove", true));
        }
        reconcileTogether();
        reconcileTogether();

        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "trust");
                Statement sql = db.createStatement()) {
            for (String account : accounts) {
                assertThat(count(sql, "SELECT count(*) FROM audit_records WHERE kind = 'INTENT' AND action = "
                        + "'OUT_OF_BAND_CHANGE' AND account_id = '" + account + "'"))
                        .as("an added user, a role change and a removal in %s, each recorded once", account).isEqualTo(3);
                assertThat(count(sql, "SELECT count(*) FROM audit_records WHERE kind = 'INTENT' AND action = "
                        + "'ACCESS_BASELINE' AND account_id = '" + account + "'")).isEqualTo(1);
            }
            assertThat(count(sql, "SELECT count(DISTINCT replica) FROM access_passes")).as("both replicas worked")
                    .isEqualTo(2);
            try (ResultSet passes = sql.executeQuery(
                    "SELECT account_id, replica, started_at, finished_at FROM access_passes ORDER BY account_id, started_at")) {
                String account = null;
                Timestamp previousEnd = null;
                int checked = 0;
                while (passes.next()) {
                    if (!passes.getString(1).equals(account)) {
                        account = passes.getString(1);
                        previousEnd = null;
                    }
                    Timestamp start = passes.getTimestamp(3);
                    if (previousEnd != null) {
                        assertThat(start).as("a pass over %s by %s began after the one before it ended", account,
                                passes.getString(2)).isAfterOrEqualTo(previousEnd);
                    }
                    previousEnd = passes.getTimestamp(4);
                    checked++;
                }
                assertThat(checked).isGreaterThan(ACCOUNTS * 4);
            }
        }
        given().spec(replicas.get(1).spec()).auth().oauth2(token(replicas.get(1))).get("/v1/audit/verify")
                .then().statusCode(200).body("intact", org.hamcrest.Matchers.equalTo(true));
    }

    /**
     * Issue 26's hand-over: the replica delivering an event subscription (batches of up to five) is killed
     * ({@code kill -9}) in the middle of a stream (a batch sent, unanswered, more sealed behind it), and the other
     * replica takes the subscription over once the lease lapsed: every action of the test arrives, an event sent
     * twice under the same {@code webhook-id} (the held batch made again the same way). One event per request
     * survives {@code kill -9} in {@code OperationSurvivesKillIT}. Which replica delivers is read from the lease's owner ({@code pid@host/…}); that one is
     * killed, whichever it is (the first replica's PostgreSQL outlives its JVM), and started again afterwards for
     * the tests that share the replicas. Runs last: it kills one of them.
     */
    @Test
    @Order(2)
    void whenTheReplicaDeliveringASubscriptionIsKilledTheOtherTakesItOverAndEverythingArrives() throws Exception {
        FacadeProcess upstream = replicas.get(0);
        String account = given().spec(upstream.spec()).contentType(ContentType.JSON).body(Map.of())
                .post("/sandbox/accounts").then().statusCode(201).extract().path("accountId");
        int killed = -1;
        try (WebhookReceiver receiver = WebhookReceiver.answering(200)) {
            CountDownLatch release = receiver.holdFirst();
            String subscription = given().spec(replicas.get(1).spec())
                    .auth().oauth2(replicas.get(1).sandboxToken(Callers.uniqueSubject("it-events"), "auditor"))
                    .contentType(ContentType.JSON).body(Map.of("endpoint", receiver.url(), "format", "cloudevents",
                            "signing", "ed25519", "maxEventsPerRequest", 5, "filter", Map.of("accountIds", List.of(account))))
                    .post("/v1/event-subscriptions").then().statusCode(201).extract().path("subscriptionId");
            for (int i = 0; i < 21; i++) {
                FacadeProcess replica = replicas.get(i % 2);
                given().spec(replica.spec()).auth().oauth2(replica.sandboxToken("it-events-viewer", "amc-viewer"))
                        .get("/v1/accounts/{a}/instances", account).then().statusCode(200);
            }
            assertThat(receiver.awaitHolding(TimeUnit.SECONDS.toMillis(30))).as("the first event was sent").isTrue();
            String owner;
            try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "trust");
                    Statement sql = db.createStatement();
                    ResultSet row = sql.executeQuery("SELECT lease_owner FROM event_subscriptions WHERE subscription_id = '"
                            + subscription + "'")) {
                row.next();
                owner = row.getString(1);
            }
            for (int i = 0; i < replicas.size(); i++) {
                if (owner != null && owner.startsWith(replicas.get(i).process().pid() + "@")) {
                    killed = i;
                }
            }
            assertThat(killed).as("the lease's owner %s is one of the replicas", owner).isNotNegative();
            FacadeProcess delivering = replicas.get(killed);
            delivering.process().destroyForcibly(); // kill -9: its lease stays taken until it lapses
            assertThat(delivering.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            release.countDown();

            List<String> actions = new ArrayList<>();
            try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "trust");
                    Statement sql = db.createStatement();
                    ResultSet rows = sql.executeQuery("SELECT event_id FROM audit_records WHERE kind = 'INTENT' AND "
                            + "action = 'INSTANCES_LIST' AND account_id = '" + account + "'")) {
                while (rows.next()) {
                    actions.add(rows.getString(1));
                }
            }
            assertThat(actions).hasSize(21);
            Map<String, Set<String>> delivered = new HashMap<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline && !delivered.keySet().containsAll(actions)) {
                Thread.sleep(200);
                delivered.clear();
                List<WebhookReceiver.Received> accepted = receiver.accepted();
                // The first is the request held while its sender was killed: answered to no one, so not counted.
                for (WebhookReceiver.Received r : accepted.subList(Math.min(1, accepted.size()), accepted.size())) {
                    for (com.fasterxml.jackson.databind.JsonNode event : new ObjectMapper().readTree(r.body())) {
                        delivered.computeIfAbsent(event.path("id").asText(), e -> new TreeSet<>()).add(r.webhookId());
                    }
                }
            }
            assertThat(delivered.keySet()).as("every action delivered by the replica that took over, the one sent to "
                    + "the killed replica again").containsAll(actions);
            assertThat(delivered.values()).as("an event sent twice carries the same webhook-id: the batch it was in is "
                    + "made again the same way by the replica that took over").allMatch(ids -> ids.size() == 1);
            assertThat(receiver.received().get(0).webhookId()).as("the batch held at the kill was sent again as it was")
                    .isIn(receiver.accepted().subList(1, receiver.accepted().size()).stream()
                            .map(WebhookReceiver.Received::webhookId).toList());
        } finally {
            if (killed >= 0) {
                TwoReplicas.restart(killed);
            }
        }
    }

    /**
     * A complete pass on each replica at once, each asked by an auditor of its own (the replicas allow one auditor
     * only {@link TwoReplicas#AUDITS_PER_MINUTE} requests a minute); answers when both are done.
     */
    private void reconcileTogether() {
        List<CompletableFuture<Integer>> passes = replicas.stream().map(replica -> CompletableFuture.supplyAsync(
                () -> given().spec(replica.spec()).auth().oauth2(replica.sandboxToken(Callers.uniqueSubject("it-reconciler"),
                        "auditor")).post("/v1/access/reconciliations")
                        .then().statusCode(200).extract().<Integer>path("listed"))).toList();
        passes.forEach(CompletableFuture::join);
    }

    private static String console(FacadeProcess upstream, String account, Map<String, Object> change) {
        return given().spec(upstream.spec()).contentType(ContentType.JSON).body(change)
                .post("/sandbox/accounts/{account}/console-changes", account).then().statusCode(200)
                .extract().path("user.userId");
    }

    private static String token(FacadeProcess replica) {
        return replica.sandboxToken("it-access-auditor", "auditor");
    }

    private static long count(Statement sql, String query) throws Exception {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }
}
