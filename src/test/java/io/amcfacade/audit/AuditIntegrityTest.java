package io.amcfacade.audit;

import io.amcfacade.audit.storage.TrailRecord;
import io.amcfacade.audit.storage.TrailRecordSql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.amcfacade.audit.integrity.Anchor;
import io.amcfacade.audit.integrity.sealing.AuditSealer;
import io.amcfacade.audit.integrity.verifying.AuditVerifier;
import io.amcfacade.audit.integrity.CanonicalRecord;
import io.amcfacade.audit.integrity.Seal;
import io.amcfacade.audit.integrity.SealKey;
import io.amcfacade.audit.integrity.SealPublicKey;
import io.amcfacade.audit.integrity.VerifyReport;
import io.amcfacade.audit.integrity.VerifyReport.Kind;
import io.amcfacade.support.Callers;
import io.amcfacade.support.OwnerDatabase;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The verifier catches every kind of tampering. Each case tampers as the database owner with triggers
 * bypassed, runs the real verifier (public key only) on that connection, and rolls the tampering back.
 * It verifies from the seal covering this test's own action: other tests leave fixtures of the past in
 * the shared trail, which the verifier rightly names as outside their seals' windows.
 */
@QuarkusTest
class AuditIntegrityTest {

    @Inject
    AuditSealer sealer;
    @Inject
    SealKey key;
    @Inject
    SealPublicKey publicKey;

    private long sealedSeq;
    private Seal seal;

    @BeforeEach
    void sealSomeActions() throws SQLException {
        String subject = Callers.uniqueSubject("sealed");
        Callers.as(subject, "amc-viewer").get("/v1/accounts").then().statusCode(200);
        seal = sealUntilCovered(subject);
    }

    @Test
    void anUntouchedTrailVerifiesClean() {
        Callers.as(Callers.uniqueSubject("auditor"), "auditor").queryParam("from", seal.sealedAt().toString()).get("/v1/audit/verify")
                .then().statusCode(200)
                .body("intact", equalTo(true))
                .body("sealsChecked", greaterThan(0))
                .body("recordsChecked", greaterThan(0));
    }

    @Test
    void aModifiedFieldIsNamed() throws SQLException {
        VerifyReport report = tampered("UPDATE audit_records SET actor_subject = 'mallory' WHERE seq = " + sealedSeq);

        assertThat(report.firstProblem().kind()).isEqualTo(Kind.RECORD_MODIFIED);
        assertThat(report.firstProblem().seq()).isEqualTo(sealedSeq);
    }

    @Test
    void aModificationWithARewrittenHashBreaksTheSeal() throws SQLException {
        VerifyReport report = tamperedWith(connection -> {
            TrailRecord record = read(connection, sealedSeq);
            record.actorSubject = "mallory";
            execute(connection, "UPDATE audit_records SET actor_subject = 'mallory', content_hash = '"
                    + CanonicalRecord.hash(record) + "' WHERE seq = " + sealedSeq);
        });

        assertThat(report.firstProblem().kind()).isEqualTo(Kind.SEAL_DIGEST_MISMATCH);
        assertThat(report.firstProblem().sealId()).isEqualTo(seal.sealId());
    }

    @Test
    void anInsertedRecordIsNamed() throws SQLException {
        UUID forged = UUID.randomUUID();
        VerifyReport report = tamperedWith(connection -> {
            TrailRecord record = read(connection, sealedSeq);
            record.eventId = forged;
            execute(connection, "INSERT INTO audit_records (txid, " + TrailRecordSql.CONTENT_COLUMNS + ") SELECT txid, "
                    + TrailRecordSql.CONTENT_COLUMNS.replace("event_id", "'" + forged + "'::uuid").replace("content_hash",
                            "'" + CanonicalRecord.hash(record) + "'")
                    + " FROM audit_records WHERE seq = " + sealedSeq);
        });

        assertThat(report.firstProblem().kind()).isEqualTo(Kind.RECORD_INSERTED);
        assertThat(report.firstProblem().eventId()).isEqualTo(forged);
    }

    @Test
    void aDeletedRecordInTheMiddleIsNamed() throws SQLException {
        VerifyReport report = tampered("DELETE FROM audit_records WHERE seq = " + sealedSeq);

        assertThat(report.firstProblem().kind()).isEqualTo(Kind.RECORD_DELETED);
        assertThat(report.firstProblem().seq()).isEqualTo(sealedSeq);
    }

    @Test
    void aDeletedTailOfSealsAndRecordsIsCaughtByTheAnchor() throws SQLException {
        Seal newest = NewSeals.made(sealer);
        VerifyReport report = tamperedWith(connection -> execute(connection,
                "DELETE FROM audit_records WHERE txid >= " + seal.txidFrom(),
                "DELETE FROM audit_seals WHERE seal_id >= " + seal.sealId()), new Anchor(newest.sealId(), newest.digest()));

        assertThat(report.firstProblem().kind()).isEqualTo(Kind.TAIL_TRUNCATED);
    }

    @Test
    void aForgedSealSignatureIsCaught() throws SQLException {
        VerifyReport report = tampered("UPDATE audit_seals SET signature = 'forged' WHERE seal_id = " + seal.sealId());

        assertThat(report.firstProblem().kind()).isEqualTo(Kind.SEAL_SIGNATURE_INVALID);
        assertThat(report.firstProblem().sealId()).isEqualTo(seal.sealId());
    }

    private interface Tampering {
        void apply(Connection connection) throws SQLException;
    }

    private VerifyReport tampered(String sql) throws SQLException {
        return tamperedWith(connection -> execute(connection, sql));
    }

    private VerifyReport tamperedWith(Tampering tampering) throws SQLException {
        return tamperedWith(tampering, null);
    }

    private VerifyReport tamperedWith(Tampering tampering, Anchor anchor) throws SQLException {
        try (Connection connection = OwnerDatabase.connect()) {
            connection.setAutoCommit(false);
            // One snapshot for the tampering and the verification: a seal the scheduled sealer commits in
            // between (every second in tests) must not land after the cut and turn a truncated tail into a gap.
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                execute(connection, "SET LOCAL session_replication_role = replica"); // triggers off, as an attacker with superuser would
                tampering.apply(connection);
                return new AuditVerifier(connection, publicKey, null).verify(seal.sealedAt(), null, anchor, null);
            } finally {
                connection.rollback();
            }
        }
    }

    /** Seals until a seal covers the subject's intent, and remembers that record. */
    private Seal sealUntilCovered(String subject) throws SQLException {
        try (Connection connection = OwnerDatabase.connect();
                PreparedStatement find = connection.prepareStatement(
                        "SELECT seq, txid FROM audit_records WHERE actor_subject = ? AND kind = 'INTENT'")) {
            find.setString(1, subject);
            long txid;
            try (ResultSet rs = find.executeQuery()) {
                assertThat(rs.next()).isTrue();
                sealedSeq = rs.getLong(1);
                txid = rs.getLong(2);
            }
            for (int attempt = 0; attempt < 50; attempt++) {
                Seal latest = sealer.sealNow().orElse(null); // empty while the scheduled sealer holds the lock
                if (latest == null) {
                    // The scheduled pass holds the lock: wait for it rather than spin through all attempts at once.
                    java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
                }
                if (latest != null && latest.txidTo() > txid) {
                    try (PreparedStatement covering = connection.prepareStatement(
                            "SELECT " + Seal.COLUMNS + " FROM audit_seals WHERE txid_from <= ? AND txid_to > ?")) {
                        covering.setLong(1, txid);
                        covering.setLong(2, txid);
                        try (ResultSet rs = covering.executeQuery()) {
                            rs.next();
                            return Seal.read(rs);
                        }
                    }
                }
            }
        }
        throw new AssertionError("No seal covered the subject's intent");
    }

    private static TrailRecord read(Connection connection, long seq) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT " + TrailRecordSql.ALL_COLUMNS + " FROM audit_records WHERE seq = " + seq)) {
            rs.next();
            return TrailRecordSql.read(rs);
        }
    }

    private static void execute(Connection connection, String... statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
