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
 * takes batches ({@code maxEventsPerRequest} = n above 1), one request per <em>chunk</em>: up to n consecutive sealed
 * actions of one seal, counted from the subscription's position, the events of it the subscription wants sent as one
 * batch. A chunk's bounds depend only on the trail (a seal's actions never change) and on where it starts, and the
 * position only ever moves to a chunk's end, so the same events are batched the same way however pages, turns,
 * crashes and hand-overs fall: a batch sent again goes under its same {@code webhook-id}. A chunk the page ends inside
 * (its seal goes on past the page) is left for the next page, which starts where it does; a page holds at least n
 * actions ({@link SubscriptionTurn}), so it always ends at least one chunk. The actions are assembled in one read, and
 * nothing is written until the page is done ({@link SubscriptionStore#deliveredThrough}, by the caller), so a page
 * costs one transaction, not three per request. Stops at the first request not accepted, and before sending once
 * {@code sendUntil} passed ({@code cut}: the rest of the page waits for the next turn). An event the subscription's
 * filter does not want is passed, not sent.
 */
final class PageSender {

    /**
     * What one page's sending came to: the deliveries accepted, in order, the events they carried, the position after
     * the last chunk passed (sent or not wanted), and the first delivery the receiver did not accept, if any (nothing
     * after it was sent).
     */
    record Batch(List<Delivery> delivered, int events, Position reached, Instant deliveredAt, Long lagMs, Delivery failed,
            EventSender.Attempt failedAttempt, boolean cut) {
    }

    /** A wanted event of the page, with its body, waiting to be sent. */
    private record Wanted(SealedAction action, Position position, String type, String body) {
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
        List<SealedAction> actions = page.actions();
        boolean wholeSeals = page.exhaustedThroughSeal() >= 0; // the page ends where its last seal does
        int most = Math.max(1, subscription.maxEventsPerRequest());
        List<Delivery> delivered = new ArrayList<>();
        int sent = 0;
        Position reached = from;
        Instant deliveredAt = null;
        Long lagMs = null;
        for (int start = 0, end; start < actions.size(); start = end) {
            end = start + 1;
            while (end < actions.size() && end - start < most && actions.get(end).sealId() == actions.get(start).sealId()) {
                end++;
            }
            if (end - start < most && end == actions.size() && !wholeSeals) {
                break; // its seal may go on past the page: the next page starts where this chunk does
            }
            SealedAction last = actions.get(end - 1);
            Position chunkEnd = new Position(last.sealId(), last.seq());
            List<Wanted> wanted = new ArrayList<>();
            for (SealedAction action : actions.subList(start, end)) {
                AuditEvent event = events.get(action.eventId());
                if (event != null && subscription.wants(event.getAction(), event.getAccountId(), event.getOutcome())) {
                    wanted.add(wanted(subscription, action, event, new Position(action.sealId(), action.seq())));
                }
            }
            if (!wanted.isEmpty()) {
                if (!delivered.isEmpty() && Instant.now().isAfter(sendUntil)) {
                    return new Batch(delivered, sent, reached, deliveredAt, lagMs, null, null, true);
                }
                Delivery delivery = delivery(subscription, wanted, chunkEnd);
                EventSender.Attempt attempt = attempts.send(subscription, delivery, secret, splunkToken);
                Instant now = Instant.now();
                if (!attempt.delivered()) {
                    return new Batch(delivered, sent, reached, deliveredAt, lagMs, delivery, attempt, false);
                }
                delivered.add(delivery.attempted(EventDeliveryStatus.DELIVERED, now, null, attempt.status(), null,
                        attempt.latencyMs()));
                sent += wanted.size();
                for (Wanted w : wanted) {
                    lagMs = attempts.accepted(w.action().sealedAt(), now);
                }
                deliveredAt = now;
            }
            reached = chunkEnd;
        }
        return new Batch(delivered, sent, reached, deliveredAt, lagMs, null, null, false);
    }

    private Wanted wanted(Subscription subscription, SealedAction action, AuditEvent event, Position position) {
        String type = EventTypes.of(event.getAction(), event.getOutcome(),
                event.getIntegrity() == null ? null : event.getIntegrity().getStatus());
        return new Wanted(action, position, type,
                bodies.body(subscription.format(), type, action, event, subscription.splunkIndex()));
    }

    /**
     * One request's content: one event in its own form, or (a subscription taking batches) a chunk's wanted events as a
     * batch, even of one, at the chunk's end.
     */
    private static Delivery delivery(Subscription subscription, List<Wanted> events, Position chunkEnd) {
        Wanted first = events.get(0);
        Wanted last = events.get(events.size() - 1);
        if (!subscription.batched()) {
            return new Delivery(0, subscription.id(), webhookId(subscription.id(), first.action().eventId()),
                    first.action().eventId(), first.type(), first.position(), first.body(), EventDeliveryStatus.PENDING,
                    0, Instant.now(), null, null, null, null, null, null, null, 1, null);
        }
        String body = EventBodies.batch(subscription.format(), events.stream().map(Wanted::body).toList());
        return new Delivery(0, subscription.id(),
                batchWebhookId(subscription.id(), events.stream().map(w -> w.action().eventId()).toList()),
                first.action().eventId(), first.type(), chunkEnd, body, EventDeliveryStatus.PENDING, 0,
                Instant.now(), null, null, null, null, null, null, null, events.size(), last.action().eventId());
    }

    /** The same for every attempt and every replay of one event to one subscription, so receivers deduplicate by it. */
    static String webhookId(UUID subscriptionId, UUID eventId) {
        return "msg_" + UUID.nameUUIDFromBytes(("event " + subscriptionId + " " + eventId).getBytes(StandardCharsets.UTF_8))
                .toString().replace("-", "");
    }

    /**
     * A batch's, from its events: the same for every attempt of it (its body is stored and sent again as it is) and
     * whenever the same chunk is sent again (after a crash, a hand-over, or a replay from a chunk's end).
     */
    static String batchWebhookId(UUID subscriptionId, List<UUID> eventIds) {
        StringBuilder content = new StringBuilder("batch ").append(subscriptionId);
        eventIds.forEach(id -> content.append(' ').append(id));
        return "msg_" + UUID.nameUUIDFromBytes(content.toString().getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }
}
