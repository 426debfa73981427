package io.amcfacade.events;

import java.time.Instant;
import java.util.UUID;

import io.amcfacade.api.model.EventDeliveryStatus;

/** One row of {@code event_deliveries}: an event sent (or being retried) to one subscription, with its attempts. */
record Delivery(long id, UUID subscriptionId, String webhookId, UUID eventId, String type, Position position, String body,
        EventDeliveryStatus status, int attempts, Instant createdAt, Instant firstAttemptAt, Instant lastAttemptAt,
        Instant nextAttemptAt, Integer lastStatus, String lastError, Long latencyMs, Instant deliveredAt) {

    /** The same delivery after one more attempt. */
    Delivery attempted(EventDeliveryStatus status, Instant at, Instant next, Integer httpStatus, String error, long latencyMs) {
        return new Delivery(id, subscriptionId, webhookId, eventId, type, position, body, status, attempts + 1, createdAt,
                firstAttemptAt == null ? at : firstAttemptAt, at, next, httpStatus, error, latencyMs,
                status == EventDeliveryStatus.DELIVERED ? at : null);
    }
}
