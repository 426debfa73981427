package io.amcfacade.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.amcfacade.audit.integrity.CanonicalRecord;
import io.amcfacade.audit.integrity.SealSigner;
import io.amcfacade.audit.integrity.sealing.AuditSealer;
import io.amcfacade.audit.storage.TrailRecord;
import io.amcfacade.audit.storage.TrailRecordSql;
import io.amcfacade.support.Callers;
import io.amcfacade.support.OwnerDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Issue 23, as an attacker holding the service's own database role ({@code amc_app}) would try it: every
 * reader of the trail (the events API, the timeline, the console's pages, the export and
 * {@code bin/audit-verify --export}) marks what the seals reject, replays are named, a legal-hold intent
 * is used once for the value it asked, and seals go in only in continuity. Written against the API's
 * JSON and SQL only, so it runs (and fails) on the code before the change too.
 */
@QuarkusTest
class TrailTruthTest {

    @Inject
    AuditSealer sealer;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "amc.audit.seal-key-file")
    String sealKeyFile;

    /** The forged action of issue 23: alice invites mallory as admin, "three days ago", by SQL as amc_app. */
    @Test
    void aForgedActionIsMarkedByEveryReader() throws Exception {
        String invitee = "mallory-" + UUID.randomUUID() + "@evil.example";
        UUID forged = UUID.randomUUID();
        TrailRecord intent = OrphanIntents.intent("alice", forged, Instant.now().minus(Duration.ofDays(3)), "INVITATIONS_CREATE");
        intent.targetKind = "EMAIL";
        intent.targetId = invitee;
        intent.role = "admin";
        intent.contentHash = CanonicalRecord.hashV2(intent);
        TrailRecord target = TrailRecord.of(TrailRecord.Kind.TARGET, forged);
        target.targetKind = "EMAIL";
        target.targetId = invitee;
        target.position = 100;
        target.role = "admin";
        target.contentHash = CanonicalRecord.hashV2(target);
        TrailRecord outcome = TrailRecord.of(TrailRecord.Kind.OUTCOME, forged);
        outcome.outcome = "SUCCEEDED";
        outcome.httpStatus = 201;
        outcome.contentHash = CanonicalRecord.hashV2(outcome);
        asApp(intent, target, outcome);
        NewSeals.made(sealer);

        JsonPath list = auditor().queryParam("targetId", invitee).get("/v1/audit/events").then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("events")).hasSize(1);
        assertThat(list.getString("events[0].outcome")).isEqualTo("SUCCEEDED"); // what the records claim ...
        assertThat(list.getString("events[0].integrity.status")).isEqualTo("REJECTED"); // ... marked
        assertThat(list.getList("events[0].integrity.findings.code")).contains("RECORD_FORGED", "RECORD_TIME_SKEWED");
        // Dated by the database's clock, not the forger's three days back.
        assertThat(Duration.between(OffsetDateTime.parse(list.getString("events[0].occurredAt")).toInstant(), Instant.now()).abs())
                .isLessThan(Duration.ofMinutes(5));

        JsonPath detail = auditor().get("/v1/audit/events/" + forged).then().statusCode(200).extract().jsonPath();
        assertThat(detail.getString("integrity.status")).isEqualTo("REJECTED");
        assertThat(detail.getList("integrity.seals")).isEmpty(); // the seal that names it does not vouch for it

        Map<String, String> session = io.amcfacade.console.ConsoleSignInTest.signIn(Callers.uniqueSubject("ada"), "auditor");
        String page = io.restassured.RestAssured.given().cookies(session).get("/console/actions/" + forged).then().statusCode(200).extract().asString();
        assertThat(page).contains("id=\"not-genuine\"").contains("RECORD_FORGED").doesNotContain("Covering seal");
        String activity = io.restassured.RestAssured.given().cookies(session).queryParam("targetId", invitee).get("/console/activity")
                .then().statusCode(200).extract().asString();
        assertThat(activity).contains("NOT GENUINE");
        String timeline = io.restassured.RestAssured.given().cookies(session).queryParam("person", invitee).get("/console/timeline")
                .then().statusCode(200).extract().asString();
        assertThat(timeline).contains("NOT GENUINE");

        for (String format : List.of("csv", "ndjson")) {
            byte[] export = auditor().queryParam("format", format).queryParam("targetId", invitee).get("/v1/audit/export")
                    .then().statusCode(200).extract().asByteArray();
            Path file = Files.createTempFile("forged", "." + format);
            Files.write(file, export);
            RetentionAndCliTest.Cli cli = RetentionAndCliTest.cli("--export", file.toString(), "--public-key",
                    SealSigner.publicKeyFile(Path.of(sealKeyFile)).toString());
            assertThat(cli.status()).as(cli.printed()).isEqualTo(1);
            assertThat(cli.printed()).contains("TRAIL NOT").contains("RECORD_FORGED");
        }
    }

    /** A genuine action's records inserted again, unchanged, by amc_app: marked, and named by verify. */
    @Test
    void aReplayedActionIsNamed() throws Exception {
        String subject = Callers.uniqueSubject("replayed");
        Callers.as(subject, "amc-viewer").get("/v1/accounts").then().statusCode(200);
        NewSeals.made(sealer);
        LockSupport.parkNanos(2_000_000);
        Instant from = Instant.now();
        UUID event = UUID.fromString(Callers.as(Callers.uniqueSubject("auditor"), "auditor").queryParam("actor", subject)
                .get("/v1/audit/events").then().statusCode(200).extract().jsonPath().getString("events[0].eventId"));
        String columns = TrailRecordSql.CONTENT_COLUMNS.replace("recorded_at, ", "");
        try (Connection app = DriverManager.getConnection(jdbcUrl, "amc_app", "");
                Statement statement = app.createStatement()) {
            statement.executeUpdate("INSERT INTO audit_records (" + columns + ") SELECT " + columns
                    + " FROM audit_records WHERE event_id = '" + event + "' ORDER BY seq");
        }
        NewSeals.made(sealer);

        JsonPath detail = auditor().get("/v1/audit/events/" + event).then().statusCode(200).extract().jsonPath();
        assertThat(detail.getString("integrity.status")).isEqualTo("REJECTED");
        assertThat(detail.getList("integrity.findings.code")).contains("RECORD_DUPLICATED");
        JsonPath verify = auditor().queryParam("from", from.toString()).get("/v1/audit/verify").then().statusCode(200)
                .extract().jsonPath();
        assertThat(verify.getString("firstProblem.kind")).isEqualTo("RECORD_DUPLICATED");
        assertThat(verify.getString("firstProblem.eventId")).isEqualTo(event.toString());
    }

    /** A genuine hold-on intent cannot lift the hold, nor be used twice. */
    @Test
    void aLegalHoldIntentIsBoundToOneValueAndOneUse() throws Exception {
        String subject = Callers.uniqueSubject("holder");
        Callers.as(subject, "auditor").contentType("application/json").body(Map.of("active", true, "reason", "case 23"))
                .put("/v1/audit/legal-hold").then().statusCode(200);
        UUID hold = UUID.fromString(auditor().queryParam("actor", subject).queryParam("action", "AUDIT_LEGAL_HOLD")
                .get("/v1/audit/events").then().statusCode(200).extract().jsonPath().getString("events[0].eventId"));
        try {
            assertThatThrownBy(() -> app("select audit_set_legal_hold(false, '" + hold + "', 'released')"))
                    .hasMessageContaining("did not ask for this change");
            assertThatThrownBy(() -> app("select audit_set_legal_hold(true, '" + hold + "', 'case 23')"))
                    .hasMessageContaining("used already");
        } finally {
            Callers.as(subject, "auditor").contentType("application/json").body(Map.of("active", false, "reason", "case 23 over"))
                    .put("/v1/audit/legal-hold").then().statusCode(200);
        }
    }

    /** amc_app cannot write a seal by hand, nor one that does not continue the newest through the function. */
    @Test
    void sealsGoInOnlyInContinuity() throws Exception {
        long next;
        try (Connection owner = OwnerDatabase.connect(); Statement statement = owner.createStatement();
                ResultSet rs = statement.executeQuery("SELECT coalesce(max(seal_id), 0) + 1 FROM audit_seals")) {
            rs.next();
            next = rs.getLong(1);
        }
        assertThatThrownBy(() -> app("INSERT INTO audit_seals (seal_id, sealed_at, txid_from, txid_to, row_count, parts, "
                + "previous_digest, digest, key_id, signature, format) VALUES (" + (next + 1000) + ", now(), 0, 4611686018427387904, "
                + "0, '[]', 'x', 'x', 'x', '00', 2)")).hasMessageContaining("permission denied");
        assertThatThrownBy(() -> app("SELECT audit_insert_seal(" + (next + 1000) + ", now(), 0, 4611686018427387904, 0, '[]', "
                + "'x', 'x', 'x', '00', 3::smallint, '[]', '[]', '[]')")).hasMessageContaining("does not continue");
    }

    private void asApp(TrailRecord... records) throws SQLException {
        try (Connection app = DriverManager.getConnection(jdbcUrl, "amc_app", "");
                PreparedStatement insert = app.prepareStatement(TrailRecordSql.INSERT)) {
            for (TrailRecord record : records) {
                TrailRecordSql.bind(insert, record); // no MAC: the attacker has no key
                insert.executeUpdate();
            }
        }
    }

    private void app(String sql) throws SQLException {
        try (Connection app = DriverManager.getConnection(jdbcUrl, "amc_app", ""); Statement statement = app.createStatement()) {
            statement.execute(sql);
        }
    }

    private static io.restassured.specification.RequestSpecification auditor() {
        return Callers.as(Callers.uniqueSubject("auditor"), "auditor");
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
