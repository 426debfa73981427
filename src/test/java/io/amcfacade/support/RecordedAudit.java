package io.amcfacade.support;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.inject.Vetoed;

import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.audit.AuditTargetEntry;
import io.amcfacade.audit.AuditTrail;

/**
 * The audit trail as a service with a business rule sees it, for plain unit tests: what the service
 * intended and reported, kept in memory instead of committed. Vetoed: it inherits the trail's scope, and
 * must not become a second audit trail bean of the application the end-to-end tests start.
 */
@Vetoed
public class RecordedAudit extends AuditTrail {

    /** What the service reported when it finished, or {@code null} before it did. */
    public record Report(List<AuditTargetEntry> results, AuditOutcome outcome) {
    }

    private final List<List<AuditTargetEntry>> intents = new ArrayList<>();
    private Report report;

    @Override
    public void intend(List<AuditTargetEntry> targets, String requestSummary) {
        intents.add(List.copyOf(targets));
    }

    @Override
    public void replayOf(UUID originalEventId) {
        throw new UnsupportedOperationException("no replay in a unit test");
    }

    @Override
    public void report(List<AuditTargetEntry> results, AuditOutcome outcome) {
        report = new Report(List.copyOf(results), outcome);
    }

    /** The targets of every intent, in order. */
    public List<List<AuditTargetEntry>> intents() {
        return intents;
    }

    public Report report() {
        return report;
    }
}
