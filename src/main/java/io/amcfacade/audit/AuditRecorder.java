package io.amcfacade.audit;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Writes audit rows, each in its own committed transaction so that neither the action's own
 * transaction nor its failure can take an audit row with it.
 */
@ApplicationScoped
public class AuditRecorder {

    private static final Logger LOG = Logger.getLogger(AuditRecorder.class);

    @Inject
    MeterRegistry registry;

    /** Commits an intent. Throws {@link AuditUnavailableException} when it cannot: the action must not run. */
    void begin(AuditEventEntity intent, List<AuditTargetEntry> pathTargets) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                intent.persist();
                persistTargets(intent.eventId, "INTENT", pathTargets);
            });
        } catch (RuntimeException e) {
            failed("intent");
            LOG.errorf(e, "Could not record the intent of %s; refusing the action", intent.action);
            throw new AuditUnavailableException(e);
        }
    }

    /** Commits targets and the request summary beside an intent; failure refuses the action like {@link #begin}. */
    void addIntentDetails(UUID eventId, List<AuditTargetEntry> targets, String requestSummary) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                persistTargets(eventId, "INTENT", targets);
                if (requestSummary != null) {
                    AuditEventDetailsEntity details = new AuditEventDetailsEntity();
                    details.eventId = eventId;
                    details.requestSummary = requestSummary;
                    details.persist();
                }
            });
        } catch (RuntimeException e) {
            failed("intent");
            LOG.errorf(e, "Could not record the targets of audit event %s; refusing the action", eventId);
            throw new AuditUnavailableException(e);
        }
    }

    /** Appends the outcome of a committed intent. A failure leaves the event PENDING and is logged. */
    void complete(AuditOutcomeEntity outcome, List<AuditTargetEntry> results) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                outcome.persist();
                persistTargets(outcome.eventId, "OUTCOME", results);
            });
        } catch (RuntimeException e) {
            failed("outcome");
            LOG.errorf(e, "Could not record the outcome of audit event %s; it reads as PENDING", outcome.eventId);
        }
    }

    /** Records an action that ended before any intent was committed (a denial), intent and outcome together. */
    void recordEnded(AuditEventEntity event, List<AuditTargetEntry> pathTargets, AuditOutcomeEntity outcome) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                event.persist();
                persistTargets(event.eventId, "INTENT", pathTargets);
                outcome.persist();
            });
        } catch (RuntimeException e) {
            failed("ended");
            LOG.errorf(e, "Could not record %s answered %d", event.action, outcome.httpStatus);
        }
    }

    private static void persistTargets(UUID eventId, String phase, List<AuditTargetEntry> targets) {
        for (int i = 0; i < targets.size(); i++) {
            AuditTargetEntity.of(eventId, phase, i, targets.get(i)).persist();
        }
    }

    private void failed(String phase) {
        registry.counter("amc.audit.write.failures", "phase", phase).increment();
    }
}
