package io.amcfacade.audit.maintenance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.amcfacade.audit.AuditAction;
import io.amcfacade.audit.SystemActions;
import io.amcfacade.audit.integrity.sealing.AuditSealer;
import io.amcfacade.audit.storage.AuditConfig;
import io.amcfacade.audit.storage.AuditPartitions;

/**
 * Asks the database to drop the months its retention policy lets go. The policy is the database's:
 * {@code audit_purge_month} refuses a month that is not over, younger than the retention, under legal
 * hold or not fully sealed, whoever calls it; and only the retention role ({@code amc.audit.retention-username})
 * may call it at all. Each purge is a {@code RETENTION_PURGE} action, and the next seal covers what it dropped.
 */
@ApplicationScoped
public class AuditRetention {

    private static final Logger LOG = Logger.getLogger(AuditRetention.class);
    public static final String ACTOR = "system:retention";

    /** What the database dropped. */
    public record Purge(LocalDate month, long records, long sealId, String sealDigest) {
    }

    private final AuditConfig config;
    private final SystemActions actions;
    private final AuditSealer sealer;
    private final String jdbcUrl;

    AuditRetention(AuditConfig config, SystemActions actions, AuditSealer sealer,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl) {
        this.config = config;
        this.actions = actions;
        this.sealer = sealer;
        this.jdbcUrl = jdbcUrl;
    }

    /** Drops every month the database's policy lets go now (none while it keeps everything or holds). */
    public List<Purge> purgeExpired() throws SQLException {
        List<LocalDate> months = new ArrayList<>();
        try (Connection connection = retentionConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT audit_expired_months()");
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                months.add(rs.getObject(1, LocalDate.class));
            }
        }
        List<Purge> purged = new ArrayList<>();
        for (LocalDate month : months) {
            sealer.sealNow(); // a month with unsealed records is refused
            purged.add(purge(month));
        }
        if (!purged.isEmpty()) {
            sealer.sealNow(); // seal what was dropped at once
        }
        return purged;
    }

    /** Asks for one month; throws the database's refusal (recorded as the action's outcome) when the policy says no. */
    public Purge purge(LocalDate month) throws SQLException {
        String partition = AuditPartitions.name(month);
        SystemActions.Started started = actions.start(new SystemActions.Intent(ACTOR, AuditAction.RETENTION_PURGE, partition, null,
                List.of(), null));
        try (Connection connection = retentionConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT records, seal_id, seal_digest FROM audit_purge_month(?)")) {
            statement.setObject(1, month);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                Purge purge = new Purge(month, rs.getLong(1), rs.getLong(2), rs.getString(3));
                String detail = "Dropped " + partition + ": " + purge.records() + " records, after checking it against seal "
                        + purge.sealId() + " (digest " + purge.sealDigest() + ").";
                actions.finish(started, SystemActions.Result.succeeded(detail));
                LOG.info(detail);
                return purge;
            }
        } catch (SQLException e) {
            boolean refused = "42501".equals(e.getSQLState());
            actions.finish(started, SystemActions.Result.failed(refused ? 409 : 500, "RETENTION_REFUSED", e.getMessage()));
            throw e;
        }
    }

    private Connection retentionConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, config.retentionUsername(), config.retentionPassword().orElse(""));
    }
}
