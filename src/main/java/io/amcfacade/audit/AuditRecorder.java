package io.amcfacade.audit;

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
    void begin(AuditEventEntity intent) {
        try {
            QuarkusTransaction.requiringNew().run(intent::persist);
        } catch (RuntimeException e) {
            failed("intent");
            LOG.errorf(e, "Could not record the intent of %s; refusing the action", intent.action);
            throw new AuditUnavailableException(e);
        }
    }

    /** Appends the outcome of a committed intent. A failure leaves the event PENDING and is logged. */
    void complete(AuditOutcomeEntity outcome) {
        try {
            QuarkusTransaction.requiringNew().run(outcome::persist);
        } catch (RuntimeException e) {
            failed("outcome");
            LOG.errorf(e, "Could not record the outcome of audit event %s; it reads as PENDING", outcome.eventId);
        }
    }

    /** Records an action that ended before any intent was committed (a denial), intent and outcome together. */
    void recordEnded(AuditEventEntity event, AuditOutcomeEntity outcome) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                event.persist();
                outcome.persist();
            });
        } catch (RuntimeException e) {
            failed("ended");
            LOG.errorf(e, "Could not record %s answered %d", event.action, outcome.httpStatus);
        }
    }

    private void failed(String phase) {
        registry.counter("amc.audit.write.failures", "phase", phase).increment();
    }
}
