package io.amcfacade.audit.recording;

import java.util.Optional;
import java.util.UUID;

import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.audit.storage.TrailRecord;

/**
 * How a replayed answer (same {@code Idempotency-Key}, same request) reads in the trail: marked as a
 * replay in its detail, linked to the original action's event and correlation id, and with the outcome
 * the original action had. A replay of an ambiguous 502 is therefore {@code UNKNOWN}, as the original
 * is, not a {@code FAILED} without a code.
 */
public final class Replays {

    static final String MARK = "Replay of ";

    private Replays() {
    }

    public static void mark(TrailRecord outcome, UUID original, Optional<AuditEvent> first) {
        String link = original == null ? MARK + "an earlier answer to this Idempotency-Key"
                : MARK + "audit event " + original + first.map(event -> " (correlation id " + event.getCorrelationId()
                        + ", outcome " + event.getOutcome() + ")").orElse("");
        outcome.detail = link + (outcome.detail == null ? "." : ": " + outcome.detail);
        first.map(AuditEvent::getOutcome).ifPresent(had -> outcome.outcome = had.toString());
    }
}
