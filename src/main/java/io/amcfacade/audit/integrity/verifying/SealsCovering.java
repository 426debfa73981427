package io.amcfacade.audit.integrity.verifying;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.amcfacade.audit.storage.AuditUnavailableException;

/**
 * Which seal covers each record of one action (a seal covers the records whose transaction id lies in
 * its range, so an action's intent and outcome can sit in two seals). A record not yet covered maps to
 * nothing: the next seal will take it within {@code amc.audit.seal-interval}.
 */
@ApplicationScoped
public class SealsCovering {

    private final AgroalDataSource dataSource;

    public SealsCovering(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A seal as the console shows it. */
    public record CoveringSeal(long sealId, OffsetDateTime sealedAt, long records, String digest, String keyId,
            String signature) {
    }

    /** Record seq to the seal that covers it, for every record of {@code eventId} that is sealed. */
    public Map<Long, CoveringSeal> of(UUID eventId) {
        String sql = "SELECT r.seq, s.seal_id, s.sealed_at, s.row_count, s.digest, s.key_id, s.signature "
                + "FROM audit_records r JOIN audit_seals s ON r.txid >= s.txid_from AND r.txid < s.txid_to "
                + "WHERE r.event_id = ? ORDER BY r.seq";
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, eventId);
            Map<Long, CoveringSeal> seals = new LinkedHashMap<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    seals.put(rs.getLong(1), new CoveringSeal(rs.getLong(2), rs.getObject(3, OffsetDateTime.class),
                            rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
            return seals;
        } catch (SQLException e) {
            throw AuditUnavailableException.forReading(e);
        }
    }
}
