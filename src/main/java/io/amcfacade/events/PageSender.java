package io.amcfacade.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.EventDeliveryStatus;
import io.amcfacade.audit.query.AuditQueries;
import io.amcfacade.audit.query.SealedActions;
import io.amcfacade.audit.query.SealedActions.SealedAction;

/**
 * Sends one page of sealed actions to one subscription, in order, one request per event: the actions assembled in
 * one read, and nothing written until the page is done ({@link SubscriptionStore#deliveredThrough}, by the caller),
 * so a page costs one transaction, not three per event. Stops at the first event not accepted, and before sending
 * once {@code sendUntil} passed ({@code cut}: the rest of the page waits for the next turn). An event the
 * subscription's filter does not want is passed, not sent.
 */
final class PageSender {

    /**
     * What one page's sending came to: the deliveries accepted, in order, the position after the last event passed
     * (sent or not wanted), and the first event the receiver did not accept, if any (nothing after it was sent).
     */
    record Batch(List<Delivery> delivered, Position reached, Instant deliveredAt, Long lagMs, Delivery failed,
            EventSender.Attempt failedAttempt, boolean cut) {
    }

    private final AuditQueries queries;
    private final DeliveryAttempts attempts;
    private final EventBodies bodies;

    PageSender(AuditQueries queries, DeliveryAttempts attempts, EventBodies bodies) {
        this.queries = queries;
        this.attempts = attempts;
        this.bodies = bodies;
    }

    Batch send(Subscription subscription, SealedActions.Page page, Position from, Instant sendUntil, String secret,
            String splunkToken) {
        Map<UUID, AuditEvent> events = queries.findAll(page.actions().stream().map(SealedAction::eventId).toList());
        List<Delivery> delivered = new ArrayList<>();
        Position reached = from;
        Instant deliveredAt = null;
        Long lagMs = null;
        for (SealedAction action : page.actions()) {
            Position position = new Position(action.sealId(), action.seq());
            AuditEvent event = events.get(action.eventId());
            if (event != null && subscription.wants(event.getAction(), event.getAccountId(), event.getOutcome())) {
                if (!delivered.isEmpty() && Instant.now().isAfter(sendUntil)) {
                    return new Batch(delivered, reached, deliveredAt, lagMs, null, null, true);
                }
                Delivery delivery = delivery(subscription, action, event, position);
                EventSender.Attempt attempt = attempts.send(subscription, delivery, secret, splunkToken);
                Instant now = Instant.now();
                if (!attempt.delivered()) {
                    return new Batch(delivered, reached, deliveredAt, lagMs, delivery, attempt, false);
                }
                delivered.add(delivery.attempted(EventDeliveryStatus.DELIVERED, now, null, attempt.status(), null,
                        attempt.latencyMs()));
                lagMs = attempts.accepted(action.sealedAt(), now);
                deliveredAt = now;
            }
            reached = position;
        }
        return new Batch(delivered, reached, deliveredAt, lagMs, null, null, false);
    }

    private Delivery delivery(Subscription subscription, SealedAction action, AuditEvent event, Position position) {
        String type = EventTypes.of(event.getAction(), event.getOutcome(),
                event.getIntegrity() == null ? null : event.getIntegrity().getStatus());
        EventBodies.Body body = bodies.body(subscription.format(), type, action, event, subscription.splunkIndex());
        return new Delivery(0, subscription.id(), webhookId(subscription.id(), action.eventId()), action.eventId(), type,
                position, body.text(), EventDeliveryStatus.PENDING, 0, Instant.now(), null, null, null, null, null, null, null);
    }

    /** The same for every attempt and every replay of one event to one subscription, so receivers deduplicate by it. */
    static String webhookId(UUID subscriptionId, UUID eventId) {
        return "msg_" + UUID.nameUUIDFromBytes(("event " + subscriptionId + " " + eventId).getBytes(StandardCharsets.UTF_8))
                .toString().replace("-", "");
    }
}
