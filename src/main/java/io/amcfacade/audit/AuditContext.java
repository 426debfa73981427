package io.amcfacade.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.audit.storage.TrailRecord;

/**
 * The audited action of the current request: its intent (committed, or waiting to be committed with
 * the first thing that needs it, see {@link AuditTrail#commitIntent()}), and what the feature reported.
 */
@RequestScoped
public class AuditContext {

    private UUID eventId;
    /** The intent's records until they are committed; empty once they are. */
    private List<TrailRecord> uncommittedIntent = List.of();
    private AuditOutcome reportedOutcome;
    private final List<AuditTargetEntry> results = new ArrayList<>();
    private boolean replay;
    private UUID replayOf;

    void begun(UUID eventId, List<TrailRecord> intent) {
        this.eventId = eventId;
        this.uncommittedIntent = List.copyOf(intent);
    }

    /** The intent's id, or {@code null} when this request is not an audited action (yet). */
    public UUID eventId() {
        return eventId;
    }

    /** The intent's records while they are not committed; empty once they are. */
    List<TrailRecord> uncommittedIntent() {
        return uncommittedIntent;
    }

    void intentCommitted() {
        uncommittedIntent = List.of();
    }

    void report(List<AuditTargetEntry> targets, AuditOutcome outcome) {
        results.addAll(targets);
        reportedOutcome = outcome;
    }

    void replayOf(UUID originalEventId) {
        replay = true;
        replayOf = originalEventId;
    }

    boolean isReplay() {
        return replay;
    }

    /** The event of the action whose answer this request replays, if known. */
    UUID replayOf() {
        return replayOf;
    }

    List<AuditTargetEntry> results() {
        return results;
    }

    AuditOutcome reportedOutcome() {
        return reportedOutcome;
    }
}
