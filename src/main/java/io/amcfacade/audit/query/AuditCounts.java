package io.amcfacade.audit.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.audit.storage.AuditConfig;
import io.amcfacade.audit.storage.AuditUnavailableException;

/**
 * How many actions a filter selects, in all and per UTC day and outcome: the same filter SQL as the
 * list and the export ({@link AuditCriteriaSql}), so a count always matches what they would return.
 */
@ApplicationScoped
public class AuditCounts {

    /** An action's outcome as the list shows it: its outcome record's, else PENDING or UNKNOWN by age. */
    private static final String OUTCOME = "COALESCE((SELECT o.outcome FROM audit_records o WHERE o.event_id = i.event_id "
            + "AND o.kind = 'OUTCOME' AND o.recorded_at >= i.recorded_at AND o.recorded_at < i.recorded_at + interval '1 day' "
            + "LIMIT 1), CASE WHEN i.recorded_at > ? THEN 'PENDING' ELSE 'UNKNOWN' END)";

    private final AgroalDataSource dataSource;
    private final AuditConfig config;

    public AuditCounts(AgroalDataSource dataSource, AuditConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /**
     * Actions per UTC day and outcome, oldest day first. An outcome the facade never writes (a row put in by
     * other means, which verify names) counts as {@code UNKNOWN}: the facade does not know how that action ended.
     */
    public record DayCount(LocalDate day, AuditOutcome outcome, long actions) {
    }

    public long count(AuditCriteria criteria) {
        AuditCriteriaSql.Where where = AuditCriteriaSql.where(criteria, pendingSince());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT count(*) FROM audit_records i WHERE " + where.sql())) {
            where.bind(statement, 1);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw AuditUnavailableException.forReading(e);
        }
    }

    public List<DayCount> perDay(AuditCriteria criteria) {
        Instant pendingSince = pendingSince();
        AuditCriteriaSql.Where where = AuditCriteriaSql.where(criteria, pendingSince);
        String sql = "SELECT (i.recorded_at AT TIME ZONE 'UTC')::date AS day, " + OUTCOME + " AS outcome, count(*) "
                + "FROM audit_records i WHERE " + where.sql() + " GROUP BY 1, 2 ORDER BY 1, 2";
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, pendingSince.atOffset(ZoneOffset.UTC));
            where.bind(statement, 2);
            List<DayCount> counts = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    counts.add(new DayCount(rs.getObject(1, LocalDate.class), outcome(rs.getString(2)), rs.getLong(3)));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw AuditUnavailableException.forReading(e);
        }
    }

    private static AuditOutcome outcome(String stored) {
        for (AuditOutcome outcome : AuditOutcome.values()) {
            if (outcome.toString().equals(stored)) {
                return outcome;
            }
        }
        return AuditOutcome.UNKNOWN;
    }

    private Instant pendingSince() {
        return Instant.now().minus(config.pendingTimeout());
    }
}
