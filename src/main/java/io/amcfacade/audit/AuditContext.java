package io.amcfacade.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import io.amcfacade.api.model.AuditOutcome;

/** The audited action of the current request: its committed intent, and what the feature reported. */
@RequestScoped
public class AuditContext {

    private UUID eventId;
    private AuditOutcome reportedOutcome;
    private final List<AuditTargetEntry> results = new ArrayList<>();
    private boolean replay;
    private UUID replayOf;

    void begun(UUID eventId) {
        this.eventId = eventId;
    }

    /** The committed intent's id, or {@code null} when no intent was recorded for this request. */
    public UUID eventId() {
        return eventId;
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
