package io.amcfacade;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.amcfacade.audit.integrity.Anchor;
import io.amcfacade.support.FacadeProcess;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Issue 14's second attack, the way {@code TrailAttacksTest} cannot play it: the newest records and
 * their seals are deleted while the service is <em>stopped</em> (its embedded PostgreSQL started on
 * its own, as a database superuser would), and the packaged jar is started again on the cut trail. The
 * anchor file it kept must win over the database: no seal past the cut, verify naming the lost seal
 * until an operator acknowledges it.
 */
class TailCutWhileStoppedIT {

    private static final Map<String, String> FAST_SEALS = Map.of("AMC_AUDIT_SEAL_INTERVAL", "PT1S");

    private FacadeProcess facade;

    @AfterEach
    void stop() throws InterruptedException {
        if (facade != null) {
            facade.close();
        }
    }

    @Test
    void aTailCutWhileTheServiceIsStoppedIsNamedAfterTheRestartAndNeverSealedOver() throws Exception {
        Path workDir = Files.createTempDirectory("amc-facade-tail-it");
        Path anchorFile = workDir.resolve("data/audit/seal-head");
        facade = new FacadeProcess(workDir, FacadeProcess.freePort());
        facade.start("before-the-cut", FAST_SEALS);
        String token = facade.sandboxToken("it-tail-auditor", "amc-viewer", "auditor");
        for (int round = 0; round < 3; round++) { // three sealed rounds of audited calls, the last two to be cut
            long sealed = anchorFile.toFile().exists() ? anchor(anchorFile).sealId() : 0;
            given().spec(facade.spec()).auth().oauth2(token).get("/v1/accounts").then().statusCode(200);
            awaitAnchorAbove(anchorFile, sealed);
        }
        facade.process().destroy(); // a normal stop: the service takes its database down with it
        assertThat(facade.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        Anchor kept = anchor(anchorFile);

        long cutFrom = cutTheTail(workDir.resolve("data/postgres"));
        assertThat(cutFrom + 1).as("the newest seal made is among those cut").isEqualTo(kept.sealId());

        facade.start("after-the-cut", FAST_SEALS);
        awaitRefusals(token, 2); // two seal passes on the cut trail, each of which would have sealed over it
        assertThat(anchor(anchorFile)).as("the anchor is kept, not lowered to the database's newest seal").isEqualTo(kept);
        JsonPath verdict = given().spec(facade.spec()).auth().oauth2(token).get("/v1/audit/verify")
                .then().statusCode(200).extract().jsonPath();
        assertThat(verdict.getBoolean("intact")).isFalse();
        assertThat(verdict.getString("firstProblem.kind")).isEqualTo("TAIL_TRUNCATED");
        assertThat(verdict.getLong("firstProblem.sealId")).isEqualTo(kept.sealId());
        assertThat(given().spec(facade.spec()).auth().oauth2(token).get("/q/metrics").asString())
                .contains("amc_audit_seal_refused 1.0");
        assertThat(newestSealId(workDir.resolve("data/postgres"))).as("nothing sealed past the cut").isLessThan(kept.sealId());
        assertThat(Files.readString(workDir.resolve("after-the-cut.log"), StandardCharsets.UTF_8))
                .contains("Refusing to seal the audit trail: Seal " + kept.sealId() + " (digest " + kept.digest() + ") was made and is gone");

        given().spec(facade.spec()).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("sealId", kept.sealId(), "reason", "restored from a backup taken while stopped"))
                .post("/v1/audit/tail-acknowledgements").then().statusCode(200);
        long acknowledgedAt = anchor(anchorFile).sealId();
        awaitAnchorAbove(anchorFile, acknowledgedAt);
        assertThat(given().spec(facade.spec()).auth().oauth2(token).get("/v1/audit/verify")
                .then().statusCode(200).extract().jsonPath().getBoolean("intact")).isTrue();
    }

    /** As superuser with the service stopped: the two newest seals and every record they cover are deleted. */
    private static long cutTheTail(Path dataDirectory) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false).setPort(FacadeProcess.freePort()).start();
                Connection owner = postgres.getPostgresDatabase().getConnection();
                Statement statement = owner.createStatement()) {
            owner.setAutoCommit(false);
            statement.execute("SET LOCAL session_replication_role = replica"); // past the append-only triggers
            long cutFrom = scalar(statement, "SELECT max(seal_id) - 1 FROM audit_seals");
            long cutTxid = scalar(statement, "SELECT txid_from FROM audit_seals WHERE seal_id = " + cutFrom);
            statement.execute("DELETE FROM audit_records WHERE txid >= " + cutTxid);
            statement.execute("DELETE FROM audit_seals WHERE seal_id >= " + cutFrom);
            owner.commit();
            return cutFrom;
        }
    }

    /** The newest seal in the running service's database, read as superuser through its postmaster's port. */
    private static long newestSealId(Path dataDirectory) throws Exception {
        String port = Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(3).trim();
        try (Connection owner = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
                Statement statement = owner.createStatement()) {
            return scalar(statement, "SELECT coalesce(max(seal_id), 0) FROM audit_seals");
        }
    }

    private static long scalar(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Anchor anchor(Path anchorFile) throws Exception {
        return Anchor.parse(Files.readString(anchorFile, StandardCharsets.US_ASCII));
    }

    /** Waits until the sealer has refused at least {@code passes} times ({@code amc_audit_seal_refusals_total}). */
    private void awaitRefusals(String token, int passes) throws Exception {
        Pattern counter = Pattern.compile("(?m)^amc_audit_seal_refusals_total(?:\\{[^}]*})? (\\S+)$");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        double refusals = 0;
        while (System.nanoTime() < deadline) {
            Matcher found = counter.matcher(given().spec(facade.spec()).auth().oauth2(token).get("/q/metrics").asString());
            refusals = found.find() ? Double.parseDouble(found.group(1)) : 0;
            if (refusals >= passes) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The sealer refused " + refusals + " times within 30 s, not " + passes);
    }

    private static void awaitAnchorAbove(Path anchorFile, long sealId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(anchorFile) && anchor(anchorFile).sealId() > sealId) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No seal after " + sealId + " within 30 s");
    }
}
