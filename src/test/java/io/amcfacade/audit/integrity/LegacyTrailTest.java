package io.amcfacade.audit.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.amcfacade.audit.integrity.VerifyReport.Kind;
import io.amcfacade.audit.storage.TrailRecord;
import io.amcfacade.audit.storage.TrailRecordSql;
import io.amcfacade.db.EmbeddedDatabase;
import io.amcfacade.audit.integrity.sealing.Sealing;
import io.amcfacade.audit.integrity.verifying.AuditVerifier;

/**
 * A trail written by the previous version (records hashed with their time, no MAC, HMAC-signed seals,
 * schema up to V3) still verifies once migrated and continued by this version, with the public key
 * alone, and with the old HMAC key too; tampering with the old part is still named.
 */
class LegacyTrailTest {

    @TempDir
    static Path dir;
    private static EmbeddedDatabase database;
    private static SealKey hmac;
    private static SealSigner signer;

    @BeforeAll
    static void aTrailOfThePreviousVersionMigrated() throws Exception {
        database = EmbeddedDatabase.start(dir.resolve("postgres"), 0);
        hmac = SealKey.loadOrCreate(dir.resolve("audit-seal.key"));
        signer = SealSigner.loadOrCreate(dir.resolve("audit-seal-ed25519.key"));
        migrate("3");
        try (Connection connection = connect()) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            List<SealParts.Row> first = List.of(legacyRecord(connection, now.minusSeconds(20), "alice"),
                    legacyRecord(connection, now.minusSeconds(19), "bob"));
            Seal one = legacySeal(connection, 1, null, now.minusSeconds(15), first);
            legacySeal(connection, 2, one, now.minusSeconds(10), List.of(legacyRecord(connection, now.minusSeconds(12), "carol")));
        }
        migrate(null);
        try (Connection connection = connect()) {
            new Sealing(signer, new RecordMac(hmac)).sealNext(connection).orElseThrow(); // this version continues the chain
        }
    }

    @AfterAll
    static void stop() throws Exception {
        database.close();
    }

    @Test
    void itVerifiesWithThePublicKeyAloneAndWithTheOldKey() throws Exception {
        try (Connection connection = connect()) {
            VerifyReport publicOnly = new AuditVerifier(connection, signer.publicKey(), null).verify(null, null, null, null);
            VerifyReport withOldKey = new AuditVerifier(connection, signer.publicKey(), hmac).verify(null, null, null, null);

            assertThat(publicOnly.firstProblem()).isNull();
            assertThat(publicOnly.sealsChecked()).isEqualTo(3);
            assertThat(publicOnly.recordsChecked()).isEqualTo(3);
            assertThat(withOldKey.firstProblem()).isNull();
        }
    }

    @Test
    void tamperingWithTheOldPartIsStillNamed() throws Exception {
        VerifyReport modified = tampered("UPDATE audit_records SET actor_subject = 'mallory' WHERE actor_subject = 'bob'", null);
        VerifyReport forgedSeal = tampered("UPDATE audit_seals SET signature = 'forged' WHERE seal_id = 1", hmac);

        assertThat(modified.firstProblem().kind()).isEqualTo(Kind.RECORD_MODIFIED);
        assertThat(forgedSeal.firstProblem().kind()).isEqualTo(Kind.SEAL_SIGNATURE_INVALID);
    }

    /** Tampers as superuser with triggers off, verifies on that connection, rolls back (the verifier does). */
    private static VerifyReport tampered(String sql, SealKey legacyKey) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SET LOCAL session_replication_role = replica");
            statement.execute(sql);
            return new AuditVerifier(connection, signer.publicKey(), legacyKey).verify(null, null, null, null);
        }
    }

    private static void migrate(String target) {
        var config = Flyway.configure().dataSource(database.jdbcUrl(), EmbeddedDatabase.OWNER, "")
                .locations("classpath:db/migrations")
                .placeholders(Map.of("appRole", "amc_app", "retentionRole", "amc_retention", "auditRetention", "forever"));
        (target == null ? config : config.target(target)).load().migrate();
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.OWNER, "");
    }

    /** As the previous version wrote a record: its own time, hashed with it, no MAC. */
    private static SealParts.Row legacyRecord(Connection connection, Instant at, String actor) throws SQLException {
        TrailRecord r = new TrailRecord();
        r.recordedAt = at;
        r.eventId = UUID.randomUUID();
        r.kind = TrailRecord.Kind.INTENT;
        r.actorSubject = actor;
        r.action = "ACCOUNTS_LIST";
        r.contentHash = CanonicalRecord.hash(r);
        String columns = TrailRecordSql.CONTENT_COLUMNS.replace(", record_mac", "");
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_records (" + columns + ") VALUES ("
                + "?,".repeat(columns.split(",").length - 1) + "?) RETURNING seq")) {
            insert.setObject(1, at.atOffset(ZoneOffset.UTC));
            insert.setObject(2, r.eventId);
            insert.setString(3, r.kind.name());
            for (int i = 4; i < columns.split(",").length; i++) {
                insert.setObject(i, null);
            }
            insert.setString(5, actor);
            insert.setString(12, r.action);
            insert.setString(columns.split(",").length, r.contentHash);
            try (var rs = insert.executeQuery()) {
                rs.next();
                return new SealParts.Row(rs.getLong(1), at, r.contentHash);
            }
        }
    }

    /** As the previous version sealed: HMAC over a digest of its fields (format 1), without the new columns. */
    private static Seal legacySeal(Connection connection, long id, Seal previous, Instant at, List<SealParts.Row> rows)
            throws SQLException {
        long to;
        try (Statement statement = connection.createStatement(); var rs = statement.executeQuery("SELECT txid_current() + 1")) {
            rs.next();
            to = rs.getLong(1);
        }
        Seal unsigned = new Seal(id, at, previous == null ? 0 : previous.txidTo(), to, rows.size(),
                SealParts.write(SealParts.of(new ArrayList<>(rows))), previous == null ? Seal.GENESIS : previous.digest(), null,
                null, null, Seal.HMAC, null, null, null);
        Seal seal = unsigned.signed(unsigned.expectedDigest(), hmac.id(), hmac.sign(unsigned.expectedDigest()));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_seals (seal_id, sealed_at, txid_from, "
                + "txid_to, row_count, parts, previous_digest, digest, key_id, signature) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            insert.setLong(1, id);
            insert.setObject(2, at.atOffset(ZoneOffset.UTC));
            insert.setLong(3, seal.txidFrom());
            insert.setLong(4, to);
            insert.setInt(5, rows.size());
            insert.setString(6, seal.parts());
            insert.setString(7, seal.previousDigest());
            insert.setString(8, seal.digest());
            insert.setString(9, seal.keyId());
            insert.setString(10, seal.signature());
            insert.executeUpdate();
        }
        return seal;
    }
}
