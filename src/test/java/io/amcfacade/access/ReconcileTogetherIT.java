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
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.amcfacade.support.Callers;
import io.amcfacade.support.FacadeProcess;
import io.amcfacade.support.TwoReplicas;
import io.restassured.http.ContentType;

/**
 * Two replicas of the packaged jar on one PostgreSQL and one upstream (the first one's sandbox,
 * {@link TwoReplicas}) run
 * reconciliation passes at the same time: every console change is recorded exactly once, every account
 * has one baseline, and the pass log shows no two passes over one account overlapping in time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
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
