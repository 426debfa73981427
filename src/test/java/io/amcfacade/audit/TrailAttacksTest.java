package io.amcfacade.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.amcfacade.audit.integrity.Anchor;
import io.amcfacade.audit.integrity.sealing.AuditSealer;
import io.amcfacade.audit.integrity.CanonicalRecord;
import io.amcfacade.audit.integrity.Seal;
import io.amcfacade.audit.integrity.SealSigner;
import io.amcfacade.audit.storage.TrailRecord;
import io.amcfacade.support.AuditTrail;
import io.amcfacade.support.Callers;
import io.amcfacade.support.OwnerDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The three attacks of issue 14, exactly as reproduced against the previous version, on a database of
 * their own (they cut the trail for good), each refused or named through the API and through
 * {@code bin/audit-verify} with the public key alone. In order: the untouched trail first, the lasting
 * damage last. {@link TrailHoldAttacksTest} shares this database and runs after this class (the order of their
 * names), so the trail is untouched here at the start and the sealer seals again at the end.
 */
@QuarkusTest
@TestProfile(TrailAttacksTest.OwnDatabase.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrailAttacksTest {

    /** A fresh database, anchor and witness per run. */
    public static class OwnDatabase implements QuarkusTestProfile {
        static final Path DIR = Path.of("target", "test-data", "attacks-" + System.currentTimeMillis()).toAbsolutePath();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("amc.db.embedded.data-dir", DIR.resolve("postgres").toString(),
                    "amc.audit.anchor-file", DIR.resolve("audit/seal-head").toString(),
                    "amc.audit.witness-file", DIR.resolve("audit/seal-witness").toString());
        }
    }

    private static final String CURRENT_MONTH_PURGE = "select audit_purge_month(date_trunc('month', now())::date)";

    @Inject
    AuditSealer sealer;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "amc.audit.seal-key-file")
    String sealKeyFile;
    @ConfigProperty(name = "amc.audit.witness-file")
    String witnessFile;

    @Test
    @Order(1)
    void theUntouchedTrailVerifiesFromItsFirstSeal() throws Exception {
        act("first");
        sealed();

        assertThat(api(null).getBoolean("intact")).isTrue();
        RetentionAndCliTest.Cli cli = cli(null, "--witness", witnessFile);
        assertThat(cli.status()).as(cli.printed()).isZero();
    }

    /** Attack 1: the service's own role purges the current month, legal hold on. */
    @Test
    @Order(2)
    void nobodyPurgesTheCurrentMonthAndUnderAHoldNoMonthAtAll() throws Exception {
        Callers.as(Callers.uniqueSubject("auditor"), "auditor").contentType("application/json")
                .body(Map.of("active", true, "reason", "attack 1")).put("/v1/audit/legal-hold").then().statusCode(200);

        assertThatThrownBy(() -> as("amc_app", CURRENT_MONTH_PURGE)).hasMessageContaining("permission denied for function audit_purge_month");
        assertThatThrownBy(() -> as("amc_retention", CURRENT_MONTH_PURGE)).hasMessageContaining("is not over");
        assertThatThrownBy(() -> OwnerDatabase.execute(CURRENT_MONTH_PURGE)).hasMessageContaining("is not over");
        OwnerDatabase.execute("SELECT audit_set_retention('P1D')");
        OldMonths.MonthWithAction old = OldMonths.withOneAction(1950, "attack1");
        sealed();
        assertThatThrownBy(() -> as("amc_retention", "select audit_purge_month('" + old.month() + "')"))
                .hasMessageContaining("legal hold");
        OwnerDatabase.execute("SELECT audit_set_retention(NULL)");

        String subject = act("after-attack-1");
        assertThat(AuditTrail.eventsOf(subject)).hasSize(1);
        Callers.as(Callers.uniqueSubject("auditor"), "auditor").contentType("application/json")
                .body(Map.of("active", false, "reason", "attack 1 over")).put("/v1/audit/legal-hold").then().statusCode(200);
    }

    /** Attack 2: as superuser, the newest records and their seals are deleted while the service runs. */
    @Test
    @Order(3)
    void aCutTailStaysNamedUntilAnOperatorAcknowledgesIt() throws Exception {
        // What earlier tests did is sealed first, outside the cut: a legal-hold change whose intent the cut took
        // would rightly stay LEGAL_HOLD_UNBOUND (its row is in another table), and this test is about the tail.
        sealed();
        Instant start = Instant.now();
        act("before-the-cut");
        sealed();
        act("cut-off");
        sealed();

        long cutFrom;
        try (Connection owner = OwnerDatabase.connect(); Statement statement = owner.createStatement()) {
            owner.setAutoCommit(false);
            // Holding the sealing lock, so the scheduled sealer cannot slip a seal in while the tail is cut.
            statement.execute("SELECT pg_advisory_xact_lock(" + io.amcfacade.audit.integrity.sealing.Sealing.LOCK + ")");
            statement.execute("SET LOCAL session_replication_role = replica");
            cutFrom = newestSealId(statement) - 1;
            long cutTxid = txidFrom(statement, cutFrom);
            statement.execute("DELETE FROM audit_records WHERE txid >= " + cutTxid);
            statement.execute("DELETE FROM audit_seals WHERE seal_id >= " + cutFrom);
            owner.commit();
        }
        Anchor anchor = sealer.anchor().orElseThrow();
        assertThat(anchor.sealId()).isEqualTo(cutFrom + 1); // the newest seal made, now gone
        LockSupport.parkNanos(Duration.ofMillis(2500).toNanos()); // more than two seal intervals

        assertThat(sealer.sealNow()).isEmpty();
        assertThat(sealer.refusal()).isPresent();
        assertThat(sealer.anchor()).contains(anchor); // kept, not lowered
        assertThat(newestSealId()).isLessThan(anchor.sealId()); // and nothing sealed past the cut
        assertThat(Callers.as("metrics", "auditor").get("/q/metrics").asString()).contains("amc_audit_seal_refused 1.0");
        JsonPath verdict = api(start);
        assertThat(verdict.getString("firstProblem.kind")).isEqualTo("TAIL_TRUNCATED");
        assertThat(verdict.getLong("firstProblem.sealId")).isEqualTo(anchor.sealId());
        RetentionAndCliTest.Cli cli = cli(start, "--witness", witnessFile);
        assertThat(cli.status()).isEqualTo(1);
        assertThat(cli.printed()).contains("TAIL_TRUNCATED (seal " + anchor.sealId());

        String operator = Callers.uniqueSubject("operator");
        Callers.as(operator, "auditor").contentType("application/json").body(Map.of("sealId", anchor.sealId() + 7, "reason", "typo"))
                .post("/v1/audit/tail-acknowledgements").then().statusCode(409).body("code", equalTo("NOTHING_TO_ACKNOWLEDGE"));
        // A fraction is not a seal: before the API refused it, N + 0.5 was read as N and acknowledged seal N.
        Callers.as(operator, "auditor").contentType("application/json")
                .body(Map.of("sealId", anchor.sealId() + 0.5, "reason", "close enough")).post("/v1/audit/tail-acknowledgements")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("sealId"));
        Callers.as(operator, "auditor").contentType("application/json")
                .body(Map.of("sealId", anchor.sealId(), "reason", "restored from backup")).post("/v1/audit/tail-acknowledgements")
                .then().statusCode(200).body("lostSealId", equalTo((int) anchor.sealId()));

        sealed();
        assertThat(AuditTrail.eventsOf(operator)).extracting(e -> e.getAction()).contains("AUDIT_TAIL_ACKNOWLEDGE");

        // Intact again, but never silent: the acknowledged truncation stays in every report, API and CLI.
        JsonPath report = api(start);
        assertThat(report.getBoolean("intact")).as(report.prettify()).isTrue();
        assertThat(report.getList("acknowledgedTruncations")).hasSize(1);
        assertThat(report.getLong("acknowledgedTruncations[0].lostSealId")).isEqualTo(anchor.sealId());
        assertThat(report.getString("acknowledgedTruncations[0].lostSealDigest")).isEqualTo(anchor.digest());
        assertThat(report.getLong("acknowledgedTruncations[0].continuesFromSealId")).isEqualTo(cutFrom - 1);
        assertThat(report.getString("acknowledgedTruncations[0].acknowledgedBy")).isEqualTo(operator);
        assertThat(report.getString("acknowledgedTruncations[0].reason")).isEqualTo("restored from backup");
        assertThat(java.time.OffsetDateTime.parse(report.getString("acknowledgedTruncations[0].acknowledgedAt")).toInstant())
                .isBetween(start, Instant.now());
        assertThat(report.getString("acknowledgedTruncations[0].integrity.status")).isEqualTo("VERIFIED");
        assertThat(UUID.fromString(report.getString("acknowledgedTruncations[0].eventId"))).isEqualTo(AuditTrail.eventsOf(operator)
                .stream().filter(e -> Integer.valueOf(200).equals(e.getHttpStatus())).findFirst().orElseThrow().getEventId());
        RetentionAndCliTest.Cli after = cli(start, "--witness", witnessFile);
        assertThat(after.status()).as(after.printed()).isZero();
        assertThat(after.printed()).contains("INTACT").contains("acknowledged truncation: seal " + anchor.sealId() + " (digest "
                + anchor.digest() + ") lost, sealing continued from seal " + (cutFrom - 1)).contains("acknowledged by " + operator)
                .contains("reason \"restored from backup\"");
        String page = io.restassured.RestAssured.given().cookies(io.amcfacade.console.ConsoleSignInTest.signIn(
                Callers.uniqueSubject("ada"), "auditor")).queryParam("from", start.toString()).get("/console/verify/run").then()
                .statusCode(200).extract().asString();
        assertThat(page).contains("id=\"acknowledged-truncations\"").contains(operator).contains("restored from backup");
    }

    /** Attack 3: a forged, back-dated action (alice invites mallory@evil.example as admin, three days ago). */
    @Test
    @Order(4)
    void forgedAndBackDatedRecordsAreRefusedOrNamed() throws Exception {
        Instant threeDaysAgo = Instant.now().minus(Duration.ofDays(3));
        TrailRecord forged = forgedIntent(threeDaysAgo);
        String exact = "INSERT INTO audit_records (" + io.amcfacade.audit.storage.TrailRecordSql.CONTENT_COLUMNS
                .replace(", record_mac", "") + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        assertThatThrownBy(() -> insert("amc_app", exact, forged)).hasMessageContaining("permission denied for table audit_records");

        // The same as superuser, time and all: inserted, and named.
        Instant from = sealedAndNow();
        insert("postgres", exact, forged);
        sealed();
        assertNamed(from, "RECORD_FORGED", forged.eventId);
        assertThat(AuditTrail.eventsOf("alice")).isNotEmpty();

        // Through the service's role, which cannot set the time: inserted at the database's time, and named.
        from = sealedAndNow();
        TrailRecord now = forgedIntent(Instant.now());
        now.contentHash = CanonicalRecord.hashV2(now);
        insert("amc_app", io.amcfacade.audit.storage.TrailRecordSql.INSERT, now);
        sealed();
        assertNamed(from, "RECORD_FORGED", now.eventId);

        // A genuine record replayed three days back, its MAC and all: outside its seal's window.
        from = sealedAndNow();
        OwnerDatabase.execute("INSERT INTO audit_records (recorded_at, " + io.amcfacade.audit.storage.TrailRecordSql.CONTENT_COLUMNS
                .replace("recorded_at, ", "") + ") SELECT now() - interval '3 days', " + io.amcfacade.audit.storage.TrailRecordSql.CONTENT_COLUMNS
                .replace("recorded_at, ", "") + " FROM audit_records WHERE record_mac IS NOT NULL ORDER BY seq DESC LIMIT 1");
        sealed();
        assertThat(api(from).getString("firstProblem.kind")).isEqualTo("RECORD_OUTSIDE_SEAL_WINDOW");
        assertThat(cli(from).printed()).contains("RECORD_OUTSIDE_SEAL_WINDOW");
    }

    /** A month's partition dropped by hand: the service goes on auditing, and verify names the first lost record. */
    @Test
    @Order(6)
    void aDroppedMonthNeverStopsAuditingAndIsNamed() throws Exception {
        String subject = act("in-the-dropped-month");
        Seal covering = sealed();
        Instant from = covering.sealedAt();
        long lostSeq = seqOf(subject);
        String partition = "audit_records_" + YearMonth.now(ZoneOffset.UTC).toString().replace('-', '_');
        OwnerDatabase.execute("ALTER TABLE audit_records DETACH PARTITION " + partition, "DROP TABLE " + partition);

        String after = act("after-the-drop");
        assertThat(AuditTrail.eventsOf(after)).hasSize(1);
        sealed();
        JsonPath verdict = api(from);
        assertThat(verdict.getString("firstProblem.kind")).isEqualTo("RECORD_DELETED");
        assertThat(verdict.getLong("firstProblem.sealId")).isEqualTo(covering.sealId());
        assertThat(lostSeq).isPositive();
        assertThat(cli(from).printed()).contains("RECORD_DELETED");
    }

    /**
     * Issue 23: a fake seal (no valid digest or signature) put in by the service's role. It can no longer
     * insert one by hand, and the function that checks continuity cannot check a signature; the sealer then
     * refuses to chain on it (log, metric), so no record is ever covered by a seal built on it. Last: the
     * refusal lasts until the database owner removes the seal.
     */
    @Test
    @Order(7)
    void theSealerNeverBuildsOnAFakeSeal() throws Exception {
        sealed();
        assertThatThrownBy(() -> as("amc_app", "INSERT INTO audit_seals (seal_id, sealed_at, txid_from, txid_to, row_count, "
                + "parts, previous_digest, digest, key_id, signature, format) VALUES (999999, now(), 0, 4611686018427387904, 0, "
                + "'[]', 'x', 'x', 'x', '00', 2)"))
                .hasMessageContaining("permission denied");
        long newestId;
        String genuineDigest;
        try (Connection connection = DriverManager.getConnection(OwnerDatabase.url(), "amc_app", "");
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            // The newest seal is read under the sealing lock: read before it, the scheduled sealer could seal in between
            // and the fake would no longer continue the chain (CI saw exactly that).
            statement.execute("SELECT pg_advisory_xact_lock(" + io.amcfacade.audit.integrity.sealing.Sealing.LOCK + ")");
            String digest;
            String keyId;
            long txidTo;
            try (ResultSet newest = statement.executeQuery(
                    "SELECT seal_id, txid_to, digest, key_id FROM audit_seals ORDER BY seal_id DESC LIMIT 1")) {
                assertThat(newest.next()).isTrue();
                newestId = newest.getLong(1);
                txidTo = newest.getLong(2);
                digest = newest.getString(3);
                keyId = newest.getString(4);
            }
            genuineDigest = digest;
            statement.execute("SELECT audit_insert_seal(" + (newestId + 1) + ", clock_timestamp(), " + txidTo + ", " + txidTo
                    + ", 0, '[]', '" + digest + "', 'fake', '" + keyId + "', '00', 3::smallint, '[]', '[]', '[]')");
            connection.commit();
        }
        act("after-the-fake-seal");

        assertThat(sealer.sealNow()).isEmpty();
        assertThat(sealer.refusal()).isPresent();
        assertThat(sealer.refusal().get().kind().name()).isEqualTo("SEAL_DIGEST_MISMATCH");
        assertThat(newestSealId()).isEqualTo(newestId + 1); // nothing chained on it
        assertThat(Callers.as("metrics", "auditor").get("/q/metrics").asString()).contains("amc_audit_seal_refused 1.0");

        // The database owner removes the fake (around the append-only trigger, as only the owner can): the sealer chains on
        // the genuine newest seal again and covers what waited.
        OwnerDatabase.executeTriggersOff("DELETE FROM audit_seals WHERE seal_id = " + (newestId + 1));
        assertThat(sealer.sealNow()).isPresent();
        assertThat(sealer.refusal()).isEmpty();
        // The scheduled sealer may have made the first seal after the delete before sealNow made the next: either way
        // the seal that took the fake's number chains on the genuine newest.
        assertThat(newestSealId()).isGreaterThan(newestId);
        try (Connection connection = DriverManager.getConnection(OwnerDatabase.url(), "amc_app", "");
                Statement statement = connection.createStatement();
                ResultSet next = statement.executeQuery("SELECT previous_digest, signature FROM audit_seals WHERE seal_id = "
                        + (newestId + 1))) {
            assertThat(next.next()).isTrue();
            assertThat(next.getString(1)).isEqualTo(genuineDigest);
            assertThat(next.getString(2)).isNotEqualTo("00");
        }
    }

    /**
     * Attack 5: an outcome the service never writes ({@code ERASED}), appended through the service's own role to
     * a forged action. Every reader shows the action, its outcome as {@code UNKNOWN} and the forgery named; before,
     * the API's event, the list holding it and the console's Action page all answered 500.
     */
    @Test
    @Order(5)
    void anOutcomeTheServiceNeverWritesIsShownAsUnknownAndNamedNotA500() throws Exception {
        TrailRecord intent = forgedIntent(Instant.now());
        intent.actorSubject = Callers.uniqueSubject("forger");
        intent.contentHash = CanonicalRecord.hashV2(intent);
        insert("amc_app", io.amcfacade.audit.storage.TrailRecordSql.INSERT, intent);
        TrailRecord outcome = TrailRecord.of(TrailRecord.Kind.OUTCOME, intent.eventId);
        outcome.occurredAt = TrailRecord.micros(Instant.now());
        outcome.outcome = "ERASED";
        outcome.httpStatus = 201;
        outcome.contentHash = CanonicalRecord.hashV2(outcome);
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "amc_app", "");
                PreparedStatement insert = connection.prepareStatement(io.amcfacade.audit.storage.TrailRecordSql.INSERT)) {
            io.amcfacade.audit.storage.TrailRecordSql.bind(insert, outcome);
            insert.executeUpdate();
        }
        sealed();

        var auditor = Callers.as(Callers.uniqueSubject("auditor"), "auditor");
        JsonPath event = auditor.get("/v1/audit/events/" + intent.eventId).then().statusCode(200).extract().jsonPath();
        assertThat(event.getString("outcome")).isEqualTo("UNKNOWN");
        assertThat(event.getString("integrity.status")).isEqualTo("REJECTED");
        assertThat(event.getList("integrity.findings.code", String.class)).contains("RECORD_FORGED");
        JsonPath list = Callers.as(Callers.uniqueSubject("auditor"), "auditor").queryParam("actor", intent.actorSubject)
                .get("/v1/audit/events").then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("events.eventId", String.class)).containsExactly(intent.eventId.toString());
        assertThat(list.getString("events[0].outcome")).isEqualTo("UNKNOWN");
        String page = io.restassured.RestAssured.given().cookies(io.amcfacade.console.ConsoleSignInTest.signIn(
                Callers.uniqueSubject("ada"), "auditor")).get("/console/actions/" + intent.eventId).then()
                .statusCode(200).extract().asString();
        assertThat(page).contains(intent.eventId.toString()).contains("UNKNOWN").contains("RECORD_FORGED");
    }

    private void assertNamed(Instant from, String kind, UUID eventId) throws Exception {
        JsonPath verdict = api(from);
        assertThat(verdict.getString("firstProblem.kind")).isEqualTo(kind);
        assertThat(verdict.getString("firstProblem.eventId")).isEqualTo(eventId.toString());
        RetentionAndCliTest.Cli cli = cli(from);
        assertThat(cli.status()).isEqualTo(1);
        assertThat(cli.printed()).contains(kind).contains(eventId.toString());
    }

    private static TrailRecord forgedIntent(Instant at) {
        TrailRecord intent = OrphanIntents.intent("alice", UUID.randomUUID(), at, "INVITATIONS_CREATE");
        intent.targetKind = "EMAIL";
        intent.targetId = "mallory@evil.example";
        intent.role = "admin";
        intent.contentHash = CanonicalRecord.hash(intent); // the public formula: anyone can compute it
        return intent;
    }

    private void insert(String role, String sql, TrailRecord record) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, role, "");
                PreparedStatement insert = connection.prepareStatement(sql)) {
            if (sql.contains("(recorded_at")) {
                insert.setObject(1, record.recordedAt.atOffset(ZoneOffset.UTC));
                bindContent(insert, record, 2);
            } else {
                bindContent(insert, record, 1);
            }
            insert.executeUpdate();
        }
    }

    /** The content columns without the MAC (the attacker has none), from {@code first} on. */
    private static void bindContent(PreparedStatement s, TrailRecord r, int first) throws SQLException {
        int columns = io.amcfacade.audit.storage.TrailRecordSql.CONTENT_COLUMNS.split(",").length - 2; // no time, no MAC
        Object[] values = { r.eventId, r.kind.name(), r.occurredAt.atOffset(ZoneOffset.UTC), r.actorSubject, null, r.actorRoles, null,
                null, null, r.correlationId, r.action, r.httpMethod, r.path, r.accountId, null, r.targetKind, r.targetId, null, r.role,
                null, null, null, null, null, null, null, null, null, r.contentHash };
        assertThat(values).hasSize(columns);
        for (int i = 0; i < values.length; i++) {
            s.setObject(first + i, values[i]);
        }
        // The service's insert also has the MAC and the trace id (outside the MAC): left empty.
        for (int i = first + values.length; i <= s.getParameterMetaData().getParameterCount(); i++) {
            s.setObject(i, null);
        }
    }

    private static void as(String role, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(OwnerDatabase.url(), role, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String act(String prefix) {
        String subject = Callers.uniqueSubject(prefix);
        Callers.as(subject, "amc-viewer").get("/v1/accounts").then().statusCode(200);
        return subject;
    }

    private Seal sealed() throws SQLException {
        return NewSeals.made(sealer);
    }

    private Instant sealedAndNow() throws SQLException {
        sealed();
        LockSupport.parkNanos(2_000_000);
        return Instant.now();
    }

    private static JsonPath api(Instant from) {
        var request = Callers.as(Callers.uniqueSubject("auditor"), "auditor");
        if (from != null) {
            request = request.queryParam("from", from.toString());
        }
        return request.get("/v1/audit/verify").then().statusCode(200).extract().jsonPath();
    }

    private RetentionAndCliTest.Cli cli(Instant from, String... more) throws Exception {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--jdbc-url", jdbcUrl, "--user", "postgres",
                "--public-key", SealSigner.publicKeyFile(Path.of(sealKeyFile)).toString()));
        if (from != null) {
            args.addAll(java.util.List.of("--from", from.toString()));
        }
        args.addAll(java.util.List.of(more));
        return RetentionAndCliTest.cli(args.toArray(String[]::new));
    }

    private static long txidFrom(Statement statement, long sealId) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT txid_from FROM audit_seals WHERE seal_id = " + sealId)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long newestSealId() throws SQLException {
        try (Connection connection = OwnerDatabase.connect(); Statement statement = connection.createStatement()) {
            return newestSealId(statement);
        }
    }

    private static long newestSealId(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT coalesce(max(seal_id), 0) FROM audit_seals")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long seqOf(String subject) throws SQLException {
        try (Connection connection = OwnerDatabase.connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT seq FROM audit_records WHERE actor_subject = '" + subject + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
