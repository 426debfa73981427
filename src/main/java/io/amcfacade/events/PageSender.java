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
 * Sends one page of sealed actions to one subscription, in order, one request per event, or, when the subscription
 * takes batches ({@code maxEventsPerRequest} above 1), one request per run of up to that many wanted events (a batch
 * is sent as soon as it is full or the page ends: a batch never waits for more events to be sealed). The actions are
 * assembled in one read, and nothing is written until the page is done ({@link SubscriptionStore#deliveredThrough}, by
 * the caller), so a page costs one transaction, not three per request. Stops at the first request not accepted, and
 * before sending once {@code sendUntil} passed ({@code cut}: the rest of the page waits for the next turn). An event
 * the subscription's filter does not want is passed, not sent.
 */
final class PageSender {

    /**
     * What one page's sending came to: the deliveries accepted, in order, the position after the last event passed
     * (sent or not wanted), and the first delivery the receiver did not accept, if any (nothing after it was sent).
     */
    record Batch(List<Delivery> delivered, Position reached, Instant deliveredAt, Long lagMs, Delivery failed,
            EventSender.Attempt failedAttempt, boolean cut) {
    }

    /** A wanted event of the page, with its body, waiting to be sent. */
    private record Wanted(SealedAction action, AuditEvent event, Position position, String type, EventBodies.Body body) {
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
        int most = Math.max(1, subscription.maxEventsPerRequest());
        List<Delivery> delivered = new ArrayList<>();
        List<Wanted> next = new ArrayList<>(most);
        Position reached = from;
        Instant deliveredAt = null;
        Long lagMs = null;
        for (SealedAction action : page.actions()) {
            Position position = new Position(action.sealId(), action.seq());
            AuditEvent event = events.get(action.eventId());
            if (event != null && subscription.wants(event.getAction(), event.getAccountId(), event.getOutcome())) {
                if (next.isEmpty() && !delivered.isEmpty() && Instant.now().isAfter(sendUntil)) {
                    return new Batch(delivered, reached, deliveredAt, lagMs, null, null, true);
                }
                next.add(wanted(subscription, action, event, position));
                if (next.size() < most) {
                    continue;
                }
                Delivery delivery = delivery(subscription, next);
                EventSender.Attempt attempt = attempts.send(subscription, delivery, secret, splunkToken);
                Instant now = Instant.now();
                if (!attempt.delivered()) {
                    return new Batch(delivered, reached, deliveredAt, lagMs, delivery, attempt, false);
                }
                delivered.add(accepted(delivery, attempt, now));
                lagMs = lag(next, now);
                deliveredAt = now;
                next.clear();
            }
            if (next.isEmpty()) {
                reached = position;
            }
        }
        if (!next.isEmpty()) { // the page ended before the batch was full: sent as it is
            Delivery delivery = delivery(subscription, next);
            EventSender.Attempt attempt = attempts.send(subscription, delivery, secret, splunkToken);
            Instant now = Instant.now();
            if (!attempt.delivered()) {
                return new Batch(delivered, reached, deliveredAt, lagMs, delivery, attempt, false);
            }
            delivered.add(accepted(delivery, attempt, now));
            lagMs = lag(next, now);
            deliveredAt = now;
            reached = page.actions().isEmpty() ? reached
                    : new Position(page.actions().get(page.actions().size() - 1).sealId(),
                            page.actions().get(page.actions().size() - 1).seq());
        }
        return new Batch(delivered, reached, deliveredAt, lagMs, null, null, false);
    }

    private static Delivery accepted(Delivery delivery, EventSender.Attempt attempt, Instant now) {
        return delivery.attempted(EventDeliveryStatus.DELIVERED, now, null, attempt.status(), null, attempt.latencyMs());
    }

    /** Each event of an accepted request counted with its lag; the last one's lag. */
    private long lag(List<Wanted> sent, Instant now) {
        long last = 0;
        for (Wanted w : sent) {
            last = attempts.accepted(w.action().sealedAt(), now);
        }
        return last;
    }

    private Wanted wanted(Subscription subscription, SealedAction action, AuditEvent event, Position position) {
        String type = EventTypes.of(event.getAction(), event.getOutcome(),
                event.getIntegrity() == null ? null : event.getIntegrity().getStatus());
        return new Wanted(action, event, position, type,
                bodies.body(subscription.format(), type, action, event, subscription.splunkIndex()));
    }

    /** One request's content: one event in its own form, or (a subscription taking batches) a batch, even of one. */
    private static Delivery delivery(Subscription subscription, List<Wanted> events) {
        Wanted first = events.get(0);
        Wanted last = events.get(events.size() - 1);
        if (!subscription.batched()) {
            return new Delivery(0, subscription.id(), webhookId(subscription.id(), first.action().eventId()),
                    first.action().eventId(), first.type(), first.position(), first.body().text(), EventDeliveryStatus.PENDING,
                    0, Instant.now(), null, null, null, null, null, null, null, 1, null);
        }
        EventBodies.Body body = EventBodies.batch(subscription.format(), events.stream().map(Wanted::body).toList());
        return new Delivery(0, subscription.id(),
                batchWebhookId(subscription.id(), events.stream().map(w -> w.action().eventId()).toList()),
                first.action().eventId(), first.type(), last.position(), body.text(), EventDeliveryStatus.PENDING, 0,
                Instant.now(), null, null, null, null, null, null, null, events.size(), last.action().eventId());
    }

    /** The same for every attempt and every replay of one event to one subscription, so receivers deduplicate by it. */
    static String webhookId(UUID subscriptionId, UUID eventId) {
        return "msg_" + UUID.nameUUIDFromBytes(("event " + subscriptionId + " " + eventId).getBytes(StandardCharsets.UTF_8))
                .toString().replace("-", "");
    }

    /**
     * A batch's: the same for every attempt of it (its body is stored and sent again as it is) and for the same events
     * batched again the same way; a batch of other events (after a crash or a replay) has another.
     */
    static String batchWebhookId(UUID subscriptionId, List<UUID> eventIds) {
        StringBuilder content = new StringBuilder("batch ").append(subscriptionId);
        eventIds.forEach(id -> content.append(' ').append(id));
        return "msg_" + UUID.nameUUIDFromBytes(content.toString().getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }
}
