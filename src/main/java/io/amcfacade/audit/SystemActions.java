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
import io.amcfacade.audit.storage.AuditUnavailableException;
import io.amcfacade.audit.storage.TrailRecord;
import io.amcfacade.audit.recording.AuditRecorder;

/**
 * Audited actions that no HTTP request carries: jobs (retention) and detectors (out-of-band changes).
 * {@link #record} writes one complete action, intent and outcome with its targets; {@link #start} and
 * {@link #finish} bracket an action whose intent must be committed before it acts (fail closed: a
 * failed start throws {@link io.amcfacade.audit.storage.AuditUnavailableException}). A detector that
 * may repeat a finding after a crash chooses the event id itself ({@link SystemAction}) and asks
 * {@link #recorded} first, so the finding is recorded once.
 */
@ApplicationScoped
public class SystemActions {

    /** What a system action is about; {@code path} names the thing acted on (a partition, an account). */
    public record Intent(String actor, AuditAction action, String path, String accountId, List<AuditTargetEntry> targets,
            String requestSummary) {
    }

    /** How it ended. {@code httpStatus} keeps the trail's meaning of outcomes (200 done, 409 refused, 500 failed). */
    public record Result(AuditOutcome outcome, int httpStatus, String errorCode, String detail,
            List<AuditTargetEntry> targets) {

        public static Result succeeded(String detail) {
            return new Result(AuditOutcome.SUCCEEDED, 200, null, detail, List.of());
        }

        public static Result failed(int httpStatus, String errorCode, String detail) {
            return new Result(AuditOutcome.FAILED, httpStatus, errorCode, detail, List.of());
        }
    }

    /** An action whose intent is committed and whose outcome is still to come. */
    public record Started(UUID eventId, long startedNanos) {
    }

    /** A whole action with its own event id and time: who (a system subject, not a person), what, where, on what, why. */
    public record SystemAction(UUID eventId, Instant occurredAt, String actorSubject, AuditAction action,
            String accountId, List<AuditTargetEntry> targets, String requestSummary, AuditOutcome outcome) {
    }

    private final AuditRecorder recorder;
    private final AgroalDataSource dataSource;

    SystemActions(AuditRecorder recorder, AgroalDataSource dataSource) {
        this.recorder = recorder;
        this.dataSource = dataSource;
    }

    /** Commits the whole action in one write; throws {@link AuditUnavailableException} if it cannot. */
    public void record(SystemAction action) {
        TrailRecord intent = TrailRecord.of(TrailRecord.Kind.INTENT, action.eventId());
        intent.occurredAt = TrailRecord.micros(action.occurredAt());
        intent.actorSubject = action.actorSubject();
        intent.actorName = action.actorSubject();
        intent.actorRoles = "";
        // No request carries it: the event names itself, as start() does (openapi.yaml requires one).
        intent.correlationId = action.eventId().toString();
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

    /** Records a whole action at once (intent, targets, details, outcome) and returns its event id. */
    public UUID record(Intent intent, Result result) {
        Started started = start(intent);
        finish(started, result);
        return started.eventId();
    }

    /** Commits the intent, its targets and summary; throws if the trail cannot take them. */
    public Started start(Intent intent) {
        UUID eventId = UUID.randomUUID();
        TrailRecord record = TrailRecord.of(TrailRecord.Kind.INTENT, eventId);
        record.occurredAt = TrailRecord.micros(Instant.now());
        record.actorSubject = intent.actor();
        record.actorRoles = "";
        record.correlationId = eventId.toString();
        record.action = intent.action().name();
        record.httpMethod = "JOB";
        record.path = intent.path();
        record.accountId = intent.accountId();
        List<TrailRecord> records = new ArrayList<>();
        records.add(record);
        records.addAll(AuditRecords.targets(eventId, intent.targets() == null ? List.of() : intent.targets(), 0));
        if (intent.requestSummary() != null) {
            records.add(AuditRecords.details(eventId, intent.requestSummary()));
        }
        recorder.commitIntent(records);
        return new Started(eventId, System.nanoTime());
    }

    /** Appends the outcome (and per-target results); a failure is logged and counted, the action reads PENDING. */
    public void finish(Started started, Result result) {
        TrailRecord outcome = TrailRecord.of(TrailRecord.Kind.OUTCOME, started.eventId());
        outcome.outcome = result.outcome().toString();
        outcome.httpStatus = result.httpStatus();
        outcome.errorCode = result.errorCode();
        outcome.detail = result.detail();
        outcome.latencyMs = (System.nanoTime() - started.startedNanos()) / 1_000_000;
        List<TrailRecord> records = new ArrayList<>();
        records.add(outcome);
        records.addAll(AuditRecords.targets(started.eventId(), result.targets() == null ? List.of() : result.targets(), 100));
        recorder.append(records);
    }
}
