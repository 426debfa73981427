package io.amcfacade.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.amcfacade.audit.storage.TrailRecord;

/**
 * Audited actions that no HTTP request carries: jobs (retention) and detectors (out-of-band changes).
 * {@link #record} writes one complete action, intent and outcome with its targets; {@link #start} and
 * {@link #finish} bracket an action whose intent must be committed before it acts (fail closed: a
 * failed start throws {@link io.amcfacade.audit.storage.AuditUnavailableException}).
 */
@ApplicationScoped
public class SystemActions {

    /** What a system action is about; {@code path} names the thing acted on (a partition, an account). */
    public record Intent(String actor, AuditAction action, String path, String accountId, List<AuditTargetEntry> targets,
            String requestSummary) {
    }

    /** How it ended. {@code httpStatus} keeps the trail's meaning of outcomes (200 done, 409 refused, 500 failed). */
    public record Result(String outcome, int httpStatus, String errorCode, String detail, List<AuditTargetEntry> targets) {

        public static Result succeeded(String detail) {
            return new Result("SUCCEEDED", 200, null, detail, List.of());
        }

        public static Result failed(int httpStatus, String errorCode, String detail) {
            return new Result("FAILED", httpStatus, errorCode, detail, List.of());
        }
    }

    /** An action whose intent is committed and whose outcome is still to come. */
    public record Started(UUID eventId, long startedNanos) {
    }

    private final AuditRecorder recorder;

    SystemActions(AuditRecorder recorder) {
        this.recorder = recorder;
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
        record.occurredAt = TrailRecord.micros(java.time.Instant.now());
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
        outcome.outcome = result.outcome();
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
