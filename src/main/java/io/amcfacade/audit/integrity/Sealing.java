package io.amcfacade.audit.integrity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Makes the next seal on a connection. Several replicas may call it at once: a transaction-scoped
 * advisory lock lets one seal while the others skip, and inserts never wait for it. The seal covers
 * every record of every transaction that has finished since the previous seal (txid below the
 * snapshot's xmin), so a record that commits late is sealed later, never skipped.
 */
public final class Sealing {

    /** Arbitrary constant naming the sealing lock among advisory locks. */
    private static final long LOCK = 0x616d635f7365616cL;

    private Sealing() {
    }

    /** @return the new seal, or empty when another replica is sealing right now */
    public static Optional<Seal> sealNext(Connection connection, SealKey key) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            if (!lock(connection)) {
                connection.rollback();
                return Optional.empty();
            }
            Optional<Seal> previous = latest(connection);
            long from = previous.map(Seal::txidTo).orElse(0L);
            long to = Math.max(from, snapshotXmin(connection));
            List<SealParts.Row> rows = rows(connection, from, to);
            String parts = SealParts.write(SealParts.of(rows));
            long id = previous.map(Seal::sealId).orElse(0L) + 1;
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Seal unsigned = new Seal(id, now, from, to, rows.size(), parts,
                    previous.map(Seal::digest).orElse(Seal.GENESIS), null, key.id(), null);
            String digest = unsigned.expectedDigest();
            Seal seal = new Seal(id, now, from, to, rows.size(), parts, unsigned.previousDigest(), digest, key.id(),
                    key.sign(digest));
            insert(connection, seal);
            connection.commit();
            return Optional.of(seal);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    public static Optional<Seal> latest(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT " + Seal.COLUMNS + " FROM audit_seals ORDER BY seal_id DESC LIMIT 1")) {
            return rs.next() ? Optional.of(Seal.read(rs)) : Optional.empty();
        }
    }

    private static boolean lock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            statement.setLong(1, LOCK);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Every transaction with a lower txid has finished: nothing can still appear below it. */
    private static long snapshotXmin(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<SealParts.Row> rows(Connection connection, long from, long to) throws SQLException {
        List<SealParts.Row> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT seq, recorded_at, content_hash "
                + "FROM audit_records WHERE txid >= ? AND txid < ? ORDER BY txid, seq")) {
            statement.setLong(1, from);
            statement.setLong(2, to);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(new SealParts.Row(rs.getLong(1), rs.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                            rs.getString(3)));
                }
            }
        }
        return rows;
    }

    private static void insert(Connection connection, Seal seal) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO audit_seals (" + Seal.COLUMNS
                + ") VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            statement.setLong(1, seal.sealId());
            statement.setObject(2, seal.sealedAt().atOffset(ZoneOffset.UTC));
            statement.setLong(3, seal.txidFrom());
            statement.setLong(4, seal.txidTo());
            statement.setInt(5, seal.rowCount());
            statement.setString(6, seal.parts());
            statement.setString(7, seal.previousDigest());
            statement.setString(8, seal.digest());
            statement.setString(9, seal.keyId());
            statement.setString(10, seal.signature());
            statement.executeUpdate();
        }
    }
}
