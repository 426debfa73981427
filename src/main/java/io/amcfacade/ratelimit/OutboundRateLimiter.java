package io.amcfacade.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.regions.Region;
import io.amcfacade.web.RetryAfter;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * Keeps the whole fleet inside its AMC budget: every attempt takes a token from its group's shared
 * bucket first. A caller waits for a token as long as its deadline allows (the token is reserved in the
 * database meanwhile, so waiters are served in order), and otherwise gets a 429 with {@code Retry-After}.
 * A wait is only worth it while enough of the deadline is left for the call itself: {@link
 * io.amcfacade.resilience.UpstreamPolicies} decides how long that is. While AMC throttles, each
 * attempt of this replica costs more tokens ({@link AdaptiveShare}). A group whose budget allows it is
 * taken from in leases of a tenth of a second's tokens ({@link LeasedBuckets}), not a round trip per call.
 * Each region has its own buckets, with the group's configured budget each (AMC's limits are each host's):
 * NA keeps the buckets it had before regions ({@code amc-upstream:<group>}), the others are
 * {@code amc-upstream:eu:<group>} and {@code amc-upstream:fe:<group>}.
 */
@ApplicationScoped
public class OutboundRateLimiter {

    private static final String KEY_PREFIX = "amc-upstream:";
    /** A quarter: a throttled replica slows down, never to nothing (bench/resilience: an eighth starved callers). */
    private static final double MIN_SHARE = 0.25;
    /**
     * Ten accepted calls take the floor back to the whole budget: when about half of AMC's answers are
     * 429s (random, not caused by our rate) the share stays near whole; when 429s dominate, it falls.
     */
    private static final double SHARE_INCREASE = 0.1;
    /** About one AMC round trip plus a Retry-After: 429s within it answer the same burst, so they halve once. */
    private static final Duration DECREASE_INTERVAL = Duration.ofSeconds(1);

    private final Map<String, AdaptiveShare> shares = new ConcurrentHashMap<>();

    @Inject
    BucketStore store;
    @Inject
    LeasedBuckets leased;
    @Inject
    OutboundLimitConfig config;
    @Inject
    MeterRegistry registry;

    /**
     * Takes what one attempt of {@code group} costs (one token, more while AMC throttles: {@link
     * AdaptiveShare}), waiting at most {@code maxWait} for it.
     */
    public void acquire(Region region, String group, Duration maxWait) {
        Limit limit = config.groups().get(group).limit();
        String key = key(region, group);
        BucketProxy bucket = store.bucket(key, limit);
        long cost = share(region, group).cost(limit.burst());
        ConsumptionProbe probe = leased.take(key, limit, cost, meter(region, group));
        if (probe.isConsumed()) {
            return;
        }
        Timer.Sample waited = Timer.start(registry);
        Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
        if (wait.compareTo(maxWait) <= 0 && BucketStore.take(() -> waitFor(bucket, cost, maxWait))) {
            waited.stop(registry.timer("amc.ratelimit.outbound.waits", "group", group, "region", region.id()));
            return;
        }
        registry.counter("amc.ratelimit.outbound.rejections", "group", group, "region", region.id()).increment();
        throw new ProblemException(Problems.of(ProblemCode.UPSTREAM_RATE_LIMITED,
                "The facade's AMC budget for " + group + " calls in region " + region + " is spent for now and the "
                        + "request's deadline came first. Nothing was sent; retry after the indicated time."),
                Map.of("Retry-After", RetryAfter.seconds(wait)), null);
    }

    /**
     * How long an attempt of {@code group} asking now would wait for its token (zero when one is there),
     * asked of the shared bucket without taking anything. A retry asks during its pause, to join the queue
     * when its token would come as the pause ends; a first attempt never asks.
     */
    public Duration queueWait(Region region, String group) {
        Limit limit = config.groups().get(group).limit();
        long cost = share(region, group).cost(limit.burst());
        EstimationProbe probe = BucketStore.take(() -> store.bucket(key(region, group), limit).estimateAbilityToConsume(cost));
        return probe.canBeConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    private static boolean waitFor(BucketProxy bucket, long cost, Duration maxWait) {
        try {
            return bucket.asBlocking().tryConsume(cost, maxWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for an AMC rate-limit token", e);
        }
    }

    /** AMC answered an attempt of {@code group} with 429: this replica spends its budget more slowly. */
    public void throttled(Region region, String group) {
        share(region, group).throttled(System.nanoTime());
    }

    /** AMC accepted an attempt of {@code group}: this replica's share grows back. */
    public void accepted(Region region, String group) {
        share(region, group).accepted();
    }

    private AdaptiveShare share(Region region, String group) {
        return shares.computeIfAbsent(key(region, group), key -> {
            AdaptiveShare share = new AdaptiveShare(MIN_SHARE, SHARE_INCREASE, DECREASE_INTERVAL.toNanos());
            registry.gauge("amc.ratelimit.outbound.share", Tags.of("group", group, "region", region.id()), share,
                    AdaptiveShare::share);
            return share;
        });
    }

    /** The shared bucket of {@code group} in {@code region}; NA keeps the key it had before regions. */
    static String key(Region region, String group) {
        return KEY_PREFIX + (region == Region.NA ? "" : region.id() + ":") + group;
    }

    /** The {@code bucket} tag of the round-trip counter: the group, prefixed by the region outside NA. */
    private static String meter(Region region, String group) {
        return region == Region.NA ? group : region.id() + ":" + group;
    }

    /**
     * Takes {@code tokens} from a named share of the fleet's AMC budget ({@code perSecond} for all
     * replicas together, at most one second's worth at once), waiting at most {@code maxWait}. A share is
     * spent on top of each call's group bucket: it caps a background job such as the access reconciler
     * below its group's budget, so callers keep the rest.
     *
     * @return false when the tokens did not come in time
     */
    public boolean takeShare(String share, int perSecond, int tokens, Duration maxWait) throws InterruptedException {
        BucketProxy bucket = store.bucket(KEY_PREFIX + "share:" + share, new Limit(perSecond, Duration.ofSeconds(1), perSecond));
        try {
            return bucket.asBlocking().tryConsume(tokens, maxWait);
        } catch (RuntimeException e) {
            throw BucketStore.unavailable(e);
        }
    }
}
