package io.amcfacade.events;

import java.time.Instant;
import java.util.UUID;

import io.amcfacade.api.model.EventDeliveryStatus;

/**
 * One row of {@code event_deliveries}: one request's content sent (or being retried) to one subscription, with its
 * attempts: one event, or a batch of {@code events} from {@code eventId} to {@code lastEventId} (null for the one-event
 * form) whose {@code position} is its last event's and whose {@code type} is its first event's.
 */
record Delivery(long id, UUID subscriptionId, String webhookId, UUID eventId, String type, Position position, String body,
        EventDeliveryStatus status, int attempts, Instant createdAt, Instant firstAttemptAt, Instant lastAttemptAt,
        Instant nextAttemptAt, Integer lastStatus, String lastError, Long latencyMs, Instant deliveredAt, int events,
        UUID lastEventId) {

    /** The same delivery after one more attempt. */
    Delivery attempted(EventDeliveryStatus status, Instant at, Instant next, Integer httpStatus, String error, long latencyMs) {
        return new Delivery(id, subscriptionId, webhookId, eventId, type, position, body, status, attempts + 1, createdAt,
                firstAttemptAt == null ? at : firstAttemptAt, at, next, httpStatus, error, latencyMs,
                status == EventDeliveryStatus.DELIVERED ? at : null, events, lastEventId);
    }

    /** Whether the body is a batch (an array, or stacked HEC events), whatever the count. */
    boolean batched() {
        return lastEventId != null;
    }
}
