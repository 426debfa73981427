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
 * <p>
 * The request filter prepares the intent; it is committed by the first thing that needs it, in one
 * transaction with whatever goes with it: {@link #intend} with the targets, the first AMC call
 * ({@link #commitIntent()}, through the request's upstream exchange), an idempotency claim, or —
 * for an action that touched nothing — the outcome, before the answer leaves (decision 0021).
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
        List<TrailRecord> records = new ArrayList<>(context.uncommittedIntent());
        records.addAll(AuditRecords.targets(context.eventId(), targets, 100));
        if (requestSummary != null) {
            records.add(AuditRecords.details(context.eventId(), requestSummary));
        }
        if (!records.isEmpty()) {
            recorder.commitIntent(records);
            context.intentCommitted();
        }
    }

    /**
     * Commits the current action's intent now unless it already is: before anything outside the trail
     * happens (an AMC call, a claimed idempotency key). Throws {@link AuditUnavailableException} when it
     * cannot: the caller must not go on to act. Does nothing outside an audited action.
     */
    public void commitIntent() {
        List<TrailRecord> intent = context.uncommittedIntent();
        if (!intent.isEmpty()) {
            recorder.commitIntent(intent);
            context.intentCommitted();
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
