package io.amcfacade.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.amcfacade.api.model.VerifyResult;
import io.amcfacade.audit.integrity.CanonicalRecord;
import io.amcfacade.audit.integrity.Seal;
import io.amcfacade.audit.integrity.SealSigner;
import io.amcfacade.audit.integrity.sealing.AuditSealer;
import io.amcfacade.audit.storage.TrailRecord;
import io.amcfacade.audit.storage.TrailRecordSql;
import io.amcfacade.support.Callers;
import io.amcfacade.support.OwnerDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Issue 23: legal-hold changes are covered by the seals and checked by verify. A change made around the
 * audited {@code PUT /v1/audit/legal-hold} — by the service's role through a forged intent, or by the
 * database owner by hand — and a sealed change altered or deleted afterwards are each named by verify,
 * through the API and {@code bin/audit-verify} with the public key alone.
 * <p>
 * On {@link TrailAttacksTest}'s database (its profile: one application start fewer, issue 22): the damage lasts,
 * and a forged hold would stop other tests' purges. That class runs first (a profile's classes run in the order of
 * their names) and leaves a sealer that seals; each test here verifies from an instant of its own, after the
 * attacks there, so neither class reads the other's damage.
 */
@QuarkusTest
@TestProfile(TrailAttacksTest.OwnDatabase.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrailHoldAttacksTest {

    @Inject
    AuditSealer sealer;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "amc.audit.seal-key-file")
    String sealKeyFile;

    @Test
    @Order(1)
    void genuineHoldChangesAreSealedAndVerify() throws Exception {
        Instant from = sealedAndNow();
        long on = hold(true, "case 23");
        long off = hold(false, "case 23 over");
        Seal seal = NewSeals.made(sealer);

        assertThat(seal.format()).isEqualTo(3); // covers legal-hold changes
        JsonPath listed = JsonPath.from(holdsSealedUpTo(seal.sealId()));
        assertThat(listed.getList("changeId", Long.class)).contains(on, off);
        assertThat(listed.getList("unbound")).containsOnlyNulls();
        VerifyResult report = verify(from);
        assertThat(report.getIntact()).as(String.valueOf(report.getFirstProblem())).isTrue();
        RetentionAndCliTest.Cli cli = cli(from);
        assertThat(cli.status()).as(cli.printed()).isZero();
    }

    /** The service's role lifts the hold through the function with an intent and details it forged (no MAC). */
    @Test
    @Order(2)
    void aHoldLiftedThroughAForgedIntentIsNamed() throws Exception {
        hold(true, "case 24");
        Instant from = sealedAndNow();
        UUID forged = UUID.randomUUID();
        TrailRecord intent = OrphanIntents.intent("mallory", forged, Instant.now(), "AUDIT_LEGAL_HOLD");
        intent.httpMethod = "PUT";
        intent.path = "/v1/audit/legal-hold";
        intent.accountId = null;
        intent.contentHash = CanonicalRecord.hashV2(intent);
        TrailRecord details = TrailRecord.of(TrailRecord.Kind.DETAILS, forged);
        details.requestSummary = "{\"active\":false,\"reason\":\"released\"}";
        details.contentHash = CanonicalRecord.hashV2(details);
        try (Connection app = DriverManager.getConnection(jdbcUrl, "amc_app", "");
                PreparedStatement insert = app.prepareStatement(TrailRecordSql.INSERT);
                Statement statement = app.createStatement()) {
            app.setAutoCommit(false); // one transaction, so one seal covers the records and the change
            for (TrailRecord record : List.of(intent, details)) {
                TrailRecordSql.bind(insert, record); // no MAC: the attacker has no key
                insert.executeUpdate();
            }
            statement.execute("SELECT audit_set_legal_hold(false, '" + forged + "', 'released')"); // the function lets it through
            app.commit();
        }
        NewSeals.made(sealer);

        assertNamed(from, "LEGAL_HOLD_UNBOUND", forged, "was not written by the service");
    }

    /** The database owner writes a change around the function: no intent at all, or into a range already sealed. */
    @Test
    @Order(3)
    void aHoldChangeWrittenByHandIsNamed() throws Exception {
        UUID nobody = UUID.randomUUID();
        assertThatThrownBy(() -> asApp("INSERT INTO audit_legal_holds (active, event_id, reason) VALUES (false, '" + nobody
                + "', 'by hand')")).hasMessageContaining("permission denied");

        Instant from = sealedAndNow();
        OwnerDatabase.execute("INSERT INTO audit_legal_holds (active, event_id, reason) VALUES (false, '" + nobody + "', 'by hand')");
        NewSeals.made(sealer);
        assertNamed(from, "LEGAL_HOLD_UNBOUND", nobody, "no AUDIT_LEGAL_HOLD intent");

        from = sealedAndNow();
        act();
        Seal sealed = NewSeals.made(sealer);
        UUID late = UUID.randomUUID();
        OwnerDatabase.execute("INSERT INTO audit_legal_holds (active, event_id, reason, txid) VALUES (false, '" + late
                + "', 'slipped in', " + sealed.txidFrom() + ")");
        assertNamed(from, "LEGAL_HOLD_UNBOUND", late, "is not in seal " + sealed.sealId());
    }

    /** The database owner, triggers off, alters and then deletes a sealed genuine change. */
    @Test
    @Order(4)
    void aSealedHoldChangeAlteredOrDeletedIsNamed() throws Exception {
        Instant from = sealedAndNow();
        long change = hold(true, "case 25");
        NewSeals.made(sealer);
        assertThat(verify(from).getIntact()).isTrue();

        OwnerDatabase.executeTriggersOff("UPDATE audit_legal_holds SET active = false WHERE change_id = " + change);
        assertNamed(from, "LEGAL_HOLD_MODIFIED", null, "change " + change);
        OwnerDatabase.executeTriggersOff("DELETE FROM audit_legal_holds WHERE change_id = " + change);
        assertNamed(from, "LEGAL_HOLD_DELETED", null, "change " + change);
    }

    private void assertNamed(Instant from, String kind, UUID eventId, String detail) throws Exception {
        VerifyResult report = verify(from);
        assertThat(report.getIntact()).isFalse();
        assertThat(report.getFirstProblem().getKind()).as(report.getFirstProblem().getDetail()).isEqualTo(kind);
        assertThat(report.getFirstProblem().getDetail()).contains(detail);
        if (eventId != null) {
            assertThat(report.getFirstProblem().getEventId()).isEqualTo(eventId);
        }
        RetentionAndCliTest.Cli cli = cli(from);
        assertThat(cli.status()).as(cli.printed()).isEqualTo(1);
        assertThat(cli.printed()).contains(kind).contains(detail);
    }

    private static long hold(boolean active, String reason) {
        return Callers.as(Callers.uniqueSubject("holder"), "auditor").contentType("application/json")
                .body(Map.of("active", active, "reason", reason)).put("/v1/audit/legal-hold").then().statusCode(200)
                .extract().jsonPath().getLong("changeId");
    }

    private static void act() {
        Callers.as(Callers.uniqueSubject("viewer"), "amc-viewer").get("/v1/accounts").then().statusCode(200);
    }

    private Instant sealedAndNow() throws SQLException {
        NewSeals.made(sealer);
        LockSupport.parkNanos(2_000_000);
        return Instant.now();
    }

    private static VerifyResult verify(Instant from) {
        var request = Callers.as(Callers.uniqueSubject("auditor"), "auditor");
        if (from != null) {
            request = request.queryParam("from", from.toString());
        }
        return request.get("/v1/audit/verify").then().statusCode(200).extract().as(VerifyResult.class);
    }

    private RetentionAndCliTest.Cli cli(Instant from) throws Exception {
        java.util.List<String> args = new java.util.ArrayList<>(List.of("--jdbc-url", jdbcUrl, "--user", "postgres",
                "--public-key", SealSigner.publicKeyFile(Path.of(sealKeyFile)).toString()));
        if (from != null) {
            args.addAll(List.of("--from", from.toString()));
        }
        return RetentionAndCliTest.cli(args.toArray(String[]::new));
    }

    /** Every seal's list of legal-hold changes up to {@code sealId}, as one JSON list (read by SQL, as an auditor would). */
    private static String holdsSealedUpTo(long sealId) throws SQLException {
        StringBuilder all = new StringBuilder();
        try (Connection owner = OwnerDatabase.connect(); Statement statement = owner.createStatement();
                ResultSet rs = statement.executeQuery("SELECT holds FROM audit_seals WHERE holds IS NOT NULL AND holds <> '[]' "
                        + "AND seal_id <= " + sealId + " ORDER BY seal_id")) {
            while (rs.next()) {
                String list = rs.getString(1);
                all.append(all.length() == 0 ? "" : ",").append(list, 1, list.length() - 1);
            }
        }
        return "[" + all + "]";
    }

    private static void asApp(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(OwnerDatabase.url(), "amc_app", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
