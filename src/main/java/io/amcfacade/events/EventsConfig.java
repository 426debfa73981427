package io.amcfacade.events;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the facade delivers the sealed trail to subscribers ({@code amc.events.*}). */
@ConfigMapping(prefix = "amc.events")
public interface EventsConfig {

    /** Which endpoints on non-public addresses may be subscribed. */
    enum PrivateEndpoints {
        /** None: loopback, private (RFC 1918, fc00::/7), link-local (169.254/16, cloud metadata), any-local and multicast are refused. */
        NONE,
        /** Loopback only (127/8, ::1): a receiver on the same host, as in the sandbox and the tests. */
        LOOPBACK,
        /** Every address: a facade inside a private network delivering to its own SIEM. */
        ALL
    }

    /**
     * Unset: {@code LOOPBACK} in sandbox mode (no {@code amc.api.base-url}: the embedded default, dev mode, tests),
     * {@code NONE} otherwise, so a production facade cannot be pointed at its own network (SSRF) by a subscription.
     */
    Optional<PrivateEndpoints> allowPrivateEndpoints();

    /** Whether this replica delivers on its own timer (tests drive the deliverer themselves). */
    @WithDefault("true")
    boolean scheduled();

    /**
     * How often a replica looks for subscriptions with something to deliver when nothing woke it: the fallback to
     * {@link #wakeOnSeal()} (an announcement missed while its connection was down), and when retries come due.
     */
    @WithDefault("PT1S")
    Duration pollInterval();

    /**
     * Whether each replica listens for new seals (PostgreSQL {@code LISTEN amc_audit_sealed} on one connection of its
     * own, outside the pool) and delivers as soon as one commits, on whichever replica sealed, instead of at its next
     * poll. Off only where LISTEN cannot work (a transaction-pooling proxy between the facade and PostgreSQL).
     */
    @WithDefault("true")
    boolean wakeOnSeal();

    /**
     * How long a replica holds a subscription it delivers; a replica that dies lets it lapse after this, and another
     * takes over. A page being sent is cut short and committed once half of it has passed.
     */
    @WithDefault("PT30S")
    Duration lease();

    /** Subscriptions one replica takes per poll. */
    @WithDefault("10")
    int batch();

    /**
     * Requests one subscription is sent per turn (one per event, or one per batch: {@code maxEventsPerRequest}), in
     * order, before it is given back; the sealed actions are read as pages of this many (at least one batch's worth),
     * each committed in one transaction at its end (a crash re-sends the page's tail under the same {@code webhook-id});
     * while sealed events remain it is leased again in the same poll, after the other due subscriptions had their turn.
     */
    @WithDefault("100")
    int eventsPerTurn();

    /** The first wait after a failed attempt; each next wait is four times longer (5 s, 20 s, 80 s, 5 min, 21 min, 85 min, 5.7 h, then the longest). */
    @WithDefault("PT5S")
    Duration retryBase();

    /** The longest wait between two attempts. */
    @WithDefault("PT12H")
    Duration retryMaxInterval();

    /**
     * How long one event is retried before the subscription is disabled (its position kept, so a resume sends it
     * first): three days, what Standard Webhooks recommends, so a receiver down over a weekend day loses nothing.
     */
    @WithDefault("P3D")
    Duration retryPeriod();

    /** Connecting to a receiver: a receiver that does not accept a connection in this time is down for this attempt. */
    @WithDefault("PT5S")
    Duration connectTimeout();

    /** A whole attempt, the answer included: a slow receiver must not hold its subscription's lease. */
    @WithDefault("PT10S")
    Duration requestTimeout();

    /** How far back a replay may go: Standard Webhooks' and GitHub's buffers are days; the issue asks for 30. */
    @WithDefault("P30D")
    Duration replayWindow();

    /** CloudEvents {@code source} and Splunk {@code host}/{@code source}: names this facade in every event. */
    @WithDefault("amc-admin-facade")
    String source();
}
