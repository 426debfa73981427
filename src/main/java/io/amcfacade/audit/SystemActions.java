package io.amcfacade.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.amcfacade.api.model.AuditOutcome;

/**
 * Actions no HTTP request made, such as the changes the access reconciler finds in AMC, recorded whole
 * (intent, details, targets, outcome) in one committed write through the {@link AuditRecorder}: hashed
 * and sealed like every other action, and found by the usual filters. The caller chooses the event id,
 * so an action it may repeat after a crash is recognised ({@link #recorded}) instead of recorded twice.
 */
@ApplicationScoped
public class SystemActions {

    private final AuditRecorder recorder;
    private final AgroalDataSource dataSource;

    public SystemActions(AuditRecorder recorder, AgroalDataSource dataSource) {
        this.recorder = recorder;
        this.dataSource = dataSource;
    }

    /** A whole action: who (a system subject, not a person), what, where, on what, and why. */
    public record SystemAction(UUID eventId, Instant occurredAt, String actorSubject, AuditAction action,
            String accountId, List<AuditTargetEntry> targets, String requestSummary, AuditOutcome outcome) {
    }

    /** Commits the action; throws {@link AuditUnavailableException} if it cannot. */
    public void record(SystemAction action) {
        TrailRecord intent = TrailRecord.of(TrailRecord.Kind.INTENT, action.eventId());
        intent.occurredAt = TrailRecord.micros(action.occurredAt());
        intent.actorSubject = action.actorSubject();
        intent.actorName = action.actorSubject();
        intent.actorRoles = "";
        intent.action = action.action().name();
        intent.accountId = action.accountId();
        if (!action.targets().isEmpty()) {
            intent.targetKind = action.targets().get(0).kind().name();
            intent.targetId = action.targets().get(0).normalizedId();
        }
        List<TrailRecord> records = new ArrayList<>();
        records.add(intent);
        records.addAll(AuditRecords.targets(action.eventId(), action.targets(), 0));
        if (action.requestSummary() != null) {
            records.add(AuditRecords.details(action.eventId(), action.requestSummary()));
        }
        TrailRecord outcome = TrailRecord.of(TrailRecord.Kind.OUTCOME, action.eventId());
        outcome.outcome = action.outcome().toString();
        outcome.upstreamAttempts = 0;
        outcome.latencyMs = 0L;
        records.add(outcome);
        recorder.commitIntent(records);
    }

    /** Whether an action with this id is already in the trail. */
    public boolean recorded(UUID eventId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT 1 FROM audit_records WHERE event_id = ? AND kind = 'INTENT'")) {
            query.setObject(1, eventId);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw AuditUnavailableException.forReading(e);
        }
    }
}
