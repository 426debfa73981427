package io.amcfacade.events;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.amcfacade.audit.SystemActions;
import io.amcfacade.audit.query.AuditQueries;
import io.amcfacade.audit.query.SealedActions;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Delivers the sealed trail to every active subscription, on every replica, a round at a time ({@link DeliveryLoop}
 * runs the rounds: when a seal commits, and on its poll): each round leases the subscriptions that are due
 * ({@link SubscriptionStore#lease}: one replica per subscription; a dead replica's lease lapses and another takes
 * over) and gives each a turn ({@link SubscriptionTurn}): its events in the order the seals fixed, one at a time, the
 * next only once the one before was answered 2xx, so a receiver gets them in order ({@link PageSender}). An event is
 * read only once a seal covers its outcome ({@link SealedActions}); one its seals do not vouch for is sent as a
 * finding, never as the action it claims to be. A failed attempt is retried with the same {@code webhook-id} and body
 * after a growing wait; a {@code 410}, or retries running out, disables the subscription as an audited system action
 * ({@link DeliveryAttempts}).
 */
@ApplicationScoped
public class EventDeliverer {

    private static final Logger LOG = Logger.getLogger(EventDeliverer.class);

    /**
     * This replica as lease owner: its process ({@code pid@host}, so an operator, or a test, can tell which replica
     * delivers a subscription) and a random part (a restarted process may get the same pid).
     */
    private final String owner = java.lang.management.ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    private final SubscriptionStore store;
    private final EventsConfig config;
    private final SubscriptionTurn turns;

    EventDeliverer(SubscriptionStore store, SealedActions sealed, AuditQueries queries, EventSender sender,
            SubscriptionSecrets secrets, SystemActions actions, EventsConfig config, ObjectMapper json, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "1.0.0") String version) {
        this.store = store;
        this.config = config;
        DeliveryAttempts attempts = new DeliveryAttempts(store, sender, actions, config, registry);
        PageSender pages = new PageSender(queries, attempts, new EventBodies(json, config.source(), version));
        this.turns = new SubscriptionTurn(store, sealed, secrets, pages, attempts, config, owner);
    }

    /**
     * One round: every subscription this replica could lease, given one turn each; while a turn ended with sealed
     * events left ({@code amc.events.events-per-turn} sent), the due subscriptions are leased again and given
     * another, so a subscription is not held to one turn a round (about 100 events/s at one round a second, below the
     * rate audited writes are made) while the others still take turns. A round stops starting turns after
     * {@code amc.events.lease}, so the loop's thread comes back; the next round goes on. Returns how many events
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
                    SubscriptionTurn.Turn turn = turns.take(subscription, now.plus(config.lease().dividedBy(2)));
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
}
