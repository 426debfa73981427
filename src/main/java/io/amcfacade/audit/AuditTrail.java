package io.amcfacade.audit;

import io.amcfacade.audit.storage.TrailRecord;
import io.amcfacade.audit.storage.AuditUnavailableException;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.audit.recording.AuditRecorder;

/**
 * What features tell the audit trail beyond what the request filter sees: the people and things an
 * action will touch (committed before the upstream call, fail closed) and how each one fared.
 */
@ApplicationScoped
public class AuditTrail {

    @Inject
    AuditContext context;
    @Inject
    AuditRecorder recorder;

    /**
     * Records the targets and a redacted summary of the request beside the committed intent. Throws
     * {@link AuditUnavailableException} when it cannot: the caller must not go on to act.
     */
    public void intend(List<AuditTargetEntry> targets, String requestSummary) {
        if (context.eventId() == null) {
            throw new IllegalStateException("No audited action is in progress");
        }
        List<TrailRecord> records = new ArrayList<>(AuditRecords.targets(context.eventId(), targets, 100));
        if (requestSummary != null) {
            records.add(AuditRecords.details(context.eventId(), requestSummary));
        }
        if (!records.isEmpty()) {
            recorder.commitIntent(records);
        }
    }

    /**
     * This request is answered with the stored answer of an earlier one with the same idempotency key,
     * audited as {@code originalEventId} ({@code null} when that is not known): it is recorded as a replay.
     */
    public void replayOf(java.util.UUID originalEventId) {
        context.replayOf(originalEventId);
    }

    /** Per-target results and the action's overall outcome, written with the outcome record. */
    public void report(List<AuditTargetEntry> results, AuditOutcome outcome) {
        context.report(results, outcome);
    }
}
