package io.amcfacade.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.EventDeliveryStatus;
import io.amcfacade.api.model.EventSubscriptionState;
import io.amcfacade.audit.AuditAction;
import io.amcfacade.audit.AuditTargetEntry;
import io.amcfacade.audit.AuditSummaries;
import io.amcfacade.audit.SystemActions;
import io.amcfacade.audit.query.AuditQueries;
import io.amcfacade.audit.query.SealedActions;
import io.amcfacade.audit.query.SealedActions.SealedAction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Delivers the sealed trail to every active subscription, on every replica: each poll leases the subscriptions that
 * are due ({@link SubscriptionStore#lease}: one replica per subscription; a dead replica's lease lapses and another
 * takes over), and sends each its events in the order the seals fixed, one at a time: the next event only once the
 * one before was answered 2xx, so a receiver gets them in order. An event is read only once a seal covers its
 * outcome ({@link SealedActions}); one its seals do not vouch for is sent as a finding, never as the action it claims
 * to be. A failed attempt is retried with the same {@code webhook-id} and body after a growing wait
 * ({@link RetrySchedule}); a {@code 410}, or retries running out, disables the subscription as an audited system
 * action, its position kept so that a resume sends that event first.
 */
@ApplicationScoped
public class EventDeliverer {

    static final String ACTOR = "system:events";
    private static final Logger LOG = Logger.getLogger(EventDeliverer.class);

    /**
     * This replica as lease owner: its process ({@code pid@host}, so an operator, or a test, can tell which replica
     * delivers a subscription) and a random part (a restarted process may get the same pid).
     */
    private final String owner = java.lang.management.ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    private final SubscriptionStore store;
    private final SealedActions sealed;
    private final AuditQueries queries;
    private final EventSender sender;
    private final SubscriptionSecrets secrets;
    private final SystemActions actions;
    private final EventsConfig config;
    private final RetrySchedule retries;
    private final EventBodies bodies;
    private final Counter attempts;
    private final Counter failures;
    private final Counter delivered;
    private final Timer lag;

    EventDeliverer(SubscriptionStore store, SealedActions sealed, AuditQueries queries, EventSender sender,
            SubscriptionSecrets secrets, SystemActions actions, EventsConfig config, ObjectMapper json, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "1.0.0") String version) {
        this.store = store;
        this.sealed = sealed;
        this.queries = queries;
        this.sender = sender;
        this.secrets = secrets;
        this.actions = actions;
        this.config = config;
        this.retries = RetrySchedule.of(config);
        this.bodies = new EventBodies(json, config.source(), version);
        this.attempts = registry.counter("amc.events.delivery.attempts");
        this.failures = registry.counter("amc.events.delivery.failures");
        this.delivered = registry.counter("amc.events.delivered");
        this.lag = Timer.builder("amc.events.delivery.lag").description("From the seal covering an event to its delivery")
                .publishPercentiles(0.5, 0.99).register(registry);
        registry.gauge("amc.events.subscriptions.disabled", store, s -> s.count(EventSubscriptionState.DISABLED));
    }

    /**
     * One poll: every subscription this replica could lease, given one turn each; while a turn ended with sealed
     * events left ({@code amc.events.events-per-turn} sent), the due subscriptions are leased again and given
     * another, so a subscription is not held to one turn a poll (about 100 events/s at one poll a second, below the
     * rate audited writes are made) while the others still take turns. A poll stops starting rounds after
     * {@code amc.events.lease}, so the timer's thread comes back; the next poll goes on. Returns how many events
     * were delivered.
     */
    public int deliverDue() {
        Instant until = Instant.now().plus(config.lease());
        int sent = 0;
        boolean more = true;
        while (more && Instant.now().isBefore(until)) {
            more = false;
            Instant now = Instant.now();
            for (Subscription subscription : store.lease(owner, now, now.plus(config.lease()), config.batch())) {
                Instant next;
                try {
                    Turn turn = turn(subscription, now.plus(config.lease().dividedBy(2)));
                    sent += turn.delivered();
                    next = turn.next();
                    more |= turn.more();
                } catch (RuntimeException e) {
                    LOG.warnf("Subscription %s: delivery failed this round, tried again: %s", subscription.id(), e.getMessage());
                    next = Instant.now().plus(config.pollInterval());
                }
                store.release(subscription.id(), owner, next);
            }
        }
        return sent;
    }

    /**
     * How a turn ended: how many events arrived, when the subscription is due again, and whether it stopped only
     * because the turn was used up (sealed events may remain).
     */
    private record Turn(int delivered, Instant next, boolean more) {

        Turn(int delivered, Instant next) {
            this(delivered, next, false);
        }
    }

    /**
     * One turn of a leased subscription. Events are sent until {@code sendUntil} (half the lease) at most, so the
     * page being sent is committed while this replica still holds the lease: another replica takes a subscription
     * over only once the lease lapsed, and then finds the position this one committed.
     */
    private Turn turn(Subscription subscription, Instant sendUntil) {
        String secret = secrets.open(subscription.id().toString(), subscription.secretSealed());
        String splunkToken = secrets.open(subscription.id().toString(), subscription.splunkTokenSealed());
        Position at = subscription.position();
        int sent = 0;
        Optional<Delivery> open = store.open(subscription.id());
        if (open.isPresent()) {
            Delivery pending = open.get();
            if (pending.nextAttemptAt() != null && pending.nextAttemptAt().isAfter(Instant.now())) {
                return new Turn(0, pending.nextAttemptAt());
            }
            Optional<Instant> retry = recorded(subscription, pending, send(subscription, pending, secret, splunkToken));
            if (retry.isPresent()) {
                return new Turn(0, retry.get());
            }
            if (!store.advance(subscription.id(), owner, at, pending.position(), Instant.now(), null)) {
                return new Turn(0, Instant.now());
            }
            at = pending.position();
            sent++;
        }
        while (sent < config.eventsPerTurn()) {
            SealedActions.Page page = sealed.after(at.sealId(), at.seq(), config.eventsPerTurn() - sent);
            if (page.actions().isEmpty()) {
                if (page.exhaustedThroughSeal() > at.sealId() || page.exhaustedThroughSeal() == at.sealId()
                        && at.seq() != Long.MAX_VALUE) {
                    Position end = Position.endOf(page.exhaustedThroughSeal());
                    if (!store.advance(subscription.id(), owner, at, end, null, null)) {
                        return new Turn(sent, Instant.now());
                    }
                    at = end;
                    continue;
                }
                // Caught up: due again at once, so every poll looks (and subscriptions take turns by this time).
                return new Turn(sent, Instant.now());
            }
            Batch batch = batch(subscription, page, at, sendUntil, secret, splunkToken);
            sent += batch.delivered().size();
            if (!store.deliveredThrough(subscription.id(), owner, at, batch.reached(), batch.delivered(), batch.deliveredAt(),
                    batch.lagMs())) {
                return new Turn(sent, Instant.now()); // a replay, a pause or another replica came first
            }
            at = batch.reached();
            if (batch.failed() != null) {
                // This one waits, and nothing after it is sent before it; the position stays before it.
                Delivery failed = store.insert(batch.failed());
                return new Turn(sent, recorded(subscription, failed, batch.failedAttempt()).orElseGet(Instant::now));
            }
            if (batch.cut()) {
                return new Turn(sent, Instant.now(), true); // leased again for the rest
            }
        }
        return new Turn(sent, Instant.now(), true);
    }

    /**
     * What one page's sending came to: the deliveries accepted, in order, the position after the last event passed
     * (sent or not wanted), and the first event the receiver did not accept, if any (nothing after it was sent).
     */
    private record Batch(List<Delivery> delivered, Position reached, Instant deliveredAt, Long lagMs, Delivery failed,
            EventSender.Attempt failedAttempt, boolean cut) {
    }

    /**
     * Sends one page of sealed actions, in order, one request per event: the actions assembled in one read, and
     * nothing written until the page is done ({@link SubscriptionStore#deliveredThrough}), so a page costs one
     * transaction, not three per event. Stops at the first event not accepted, and before sending once
     * {@code sendUntil} passed ({@code cut}: the rest of the page waits for the next turn).
     */
    private Batch batch(Subscription subscription, SealedActions.Page page, Position from, Instant sendUntil, String secret,
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
                EventSender.Attempt attempt = send(subscription, delivery, secret, splunkToken);
                Instant now = Instant.now();
                if (!attempt.delivered()) {
                    return new Batch(delivered, reached, deliveredAt, lagMs, delivery, attempt, false);
                }
                delivered.add(delivery.attempted(EventDeliveryStatus.DELIVERED, now, null, attempt.status(), null,
                        attempt.latencyMs()));
                this.delivered.increment();
                lagMs = Math.max(0, Duration.between(action.sealedAt(), now).toMillis());
                lag.record(lagMs, TimeUnit.MILLISECONDS);
                deliveredAt = now;
            }
            reached = position;
        }
        return new Batch(delivered, reached, deliveredAt, lagMs, null, null, false);
    }

    private EventSender.Attempt send(Subscription subscription, Delivery delivery, String secret, String splunkToken) {
        attempts.increment();
        return sender.send(subscription, delivery, secret, splunkToken);
    }

    /**
     * Records one attempt of a stored delivery: empty when it arrived; otherwise when to try again, or empty after
     * the subscription was disabled (410, or retries ran out: the position stays before it).
     */
    private Optional<Instant> recorded(Subscription subscription, Delivery delivery, EventSender.Attempt attempt) {
        Instant now = Instant.now();
        if (attempt.delivered()) {
            store.attempted(delivery.attempted(EventDeliveryStatus.DELIVERED, now, null, attempt.status(), null,
                    attempt.latencyMs()));
            delivered.increment();
            return Optional.empty();
        }
        failures.increment();
        Instant first = delivery.firstAttemptAt() == null ? now : delivery.firstAttemptAt();
        boolean gone = attempt.status() == 410;
        if (gone || retries.exhausted(first, now)) {
            store.attempted(delivery.attempted(EventDeliveryStatus.FAILED, now, null, attempt.status(), attempt.error(),
                    attempt.latencyMs()));
            disable(subscription, gone ? "The receiver answered 410 Gone to event " + delivery.eventId()
                    : "Event " + delivery.eventId() + " was not accepted within " + config.retryPeriod() + ": " + attempt.error());
            return Optional.of(Instant.now());
        }
        Instant next = now.plus(retries.waitAfter(delivery.attempts() + 1));
        store.attempted(delivery.attempted(EventDeliveryStatus.PENDING, now, next, attempt.status(), attempt.error(),
                attempt.latencyMs()));
        return Optional.of(next);
    }

    private void disable(Subscription subscription, String reason) {
        SystemActions.Started started = actions.start(new SystemActions.Intent(ACTOR, AuditAction.EVENT_SUBSCRIPTION_DISABLE,
                "/v1/event-subscriptions/" + subscription.id(), null,
                List.of(AuditTargetEntry.subscription(subscription.id().toString())),
                AuditSummaries.of(java.util.Map.of("subscriptionId", subscription.id().toString(), "reason", reason))));
        store.setState(subscription.id(), EventSubscriptionState.DISABLED, reason, Instant.now());
        actions.finish(started, SystemActions.Result.succeeded(reason));
        LOG.warnf("Subscription %s disabled: %s", subscription.id(), reason);
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
