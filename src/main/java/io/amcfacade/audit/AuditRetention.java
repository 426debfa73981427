package io.amcfacade.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.amcfacade.audit.integrity.AuditSealer;

/**
 * The only way records leave the trail: whole months older than {@code amc.audit.retention}, once every
 * record in them is sealed, each purge recorded as a {@code RETENTION_PURGE} action naming the seal it
 * was checked against. A legal hold stops it.
 */
@ApplicationScoped
public class AuditRetention {

    private static final Logger LOG = Logger.getLogger(AuditRetention.class);
    static final String ACTOR = "system:retention";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    AuditConfig config;
    @Inject
    AuditRecorder recorder;
    @Inject
    AuditSealer sealer;

    /** Applies the configured retention; a no-op when it is unset (keep forever) or under legal hold. */
    public List<LocalDate> purgeExpired() throws SQLException {
        if (config.retention().isEmpty() || config.legalHold()) {
            return List.of();
        }
        return purgeMonthsEndingBefore(LocalDate.now(ZoneOffset.UTC).minus(config.retention().get()));
    }

    /** Drops every month that ends on or before {@code cutoff}; months with unsealed records are sealed first. */
    public List<LocalDate> purgeMonthsEndingBefore(LocalDate cutoff) throws SQLException {
        if (config.legalHold()) {
            throw new IllegalStateException("The audit trail is under legal hold (amc.audit.legal-hold)");
        }
        List<LocalDate> purged = new ArrayList<>();
        for (LocalDate month : months()) {
            if (!month.plusMonths(1).isAfter(cutoff)) {
                sealer.sealNow();
                purge(month);
                purged.add(month);
            }
        }
        return purged;
    }

    private void purge(LocalDate month) throws SQLException {
        TrailRecord intent = TrailRecord.of(TrailRecord.Kind.INTENT, UUID.randomUUID());
        intent.occurredAt = intent.recordedAt;
        intent.actorSubject = ACTOR;
        intent.actorRoles = "";
        intent.correlationId = intent.eventId.toString();
        intent.action = AuditAction.RETENTION_PURGE.name();
        intent.httpMethod = "JOB";
        intent.path = AuditPartitions.name(month);
        long started = System.nanoTime();
        recorder.commitIntent(List.of(intent));
        TrailRecord outcome = TrailRecord.of(TrailRecord.Kind.OUTCOME, intent.eventId);
        outcome.latencyMs = 0L;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT audit_purge_month(?)")) {
            statement.setObject(1, month);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                long seal = rs.getLong(1);
                outcome.outcome = "SUCCEEDED";
                outcome.httpStatus = 200;
                outcome.detail = "Dropped " + intent.path + " after checking it against seal " + seal + ".";
                LOG.infof("Retention dropped %s (checked against seal %d)", intent.path, seal);
            }
        } catch (SQLException e) {
            outcome.outcome = "FAILED";
            outcome.httpStatus = 500;
            outcome.errorCode = "RETENTION_REFUSED";
            outcome.detail = e.getMessage();
            throw e;
        } finally {
            outcome.latencyMs = (System.nanoTime() - started) / 1_000_000;
            recorder.append(List.of(outcome));
        }
    }

    private List<LocalDate> months() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return AuditPartitions.months(connection);
        }
    }
}
