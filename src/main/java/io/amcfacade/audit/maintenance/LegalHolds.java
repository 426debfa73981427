package io.amcfacade.audit.maintenance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.amcfacade.audit.storage.AuditUnavailableException;

/**
 * The legal hold, kept in the database, where {@code audit_purge_month} reads it. It changes only with
 * the committed intent of an audited {@code AUDIT_LEGAL_HOLD} action (the database checks that the
 * intent exists; the sealer checks that its MAC is genuine).
 */
@ApplicationScoped
public class LegalHolds {

    private final AgroalDataSource dataSource;

    LegalHolds(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return the database's number for this change */
    public long set(boolean active, UUID intentEvent, String reason) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT audit_set_legal_hold(?, ?, ?)")) {
            statement.setBoolean(1, active);
            statement.setObject(2, intentEvent);
            statement.setString(3, reason);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw AuditUnavailableException.forReading(e);
        }
    }

    public boolean active() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT audit_legal_hold_active()");
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw AuditUnavailableException.forReading(e);
        }
    }
}
