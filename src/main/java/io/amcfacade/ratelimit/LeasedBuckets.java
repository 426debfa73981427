package io.amcfacade.ratelimit;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.amcfacade.problem.ProblemException;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;

/**
 * Takes from the shared buckets of {@link BucketStore} through this replica's leases ({@link TokenLease}):
 * a bucket whose limit allows it is asked for a tenth of a second's tokens at once and the requests of
 * this replica spend them, within {@link #WINDOW}, without a round trip each. A bucket with a small limit
 * (a caller's 120 a minute, AMC's 10 a second) gets leases of one token, which is the round trip per
 * request it always had. Leases nobody renewed are given back about a second later, and forgotten.
 */
@ApplicationScoped
class LeasedBuckets {

    /**
     * How long leased tokens may be spent. A lease holds a tenth of a second's budget; letting it live a
     * second means a replica calling a few times a second still renews it about once a second, not before
     * every call, while no token is spent more than a second after the bucket gave it: the fleet's bursts
     * stay within the bucket's own (a second's budget by default) plus one lease per replica.
     */
    static final Duration WINDOW = Duration.ofSeconds(1);

    private final BucketStore store;
    private final MeterRegistry registry;
    private final Map<String, Leased> leases = new ConcurrentHashMap<>();

    LeasedBuckets(BucketStore store, MeterRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    /**
     * Takes {@code cost} tokens of bucket {@code key}, from the lease when it holds them.
     *
     * @param meter the {@code bucket} tag of {@code amc.ratelimit.bucket.takes}, which counts round trips
     * @return a consumed probe (its remaining count is the bucket's at the last round trip plus what the
     *         lease still holds) or the bucket's refusal of {@code cost} tokens
     */
    ConsumptionProbe take(String key, Limit limit, long cost, String meter) {
        Leased leased = leases.computeIfAbsent(key, k -> new Leased(limit));
        synchronized (leased) {
            TokenLease lease = leased.lease(limit);
            long now = System.nanoTime();
            if (lease.trySpend(cost, now)) {
                return ConsumptionProbe.consumed(leased.remaining + lease.left(), 0);
            }
            long take = lease.toTake(cost);
            if (take == 0) {
                lease.renewed(0, cost, now);
                return ConsumptionProbe.consumed(leased.remaining + lease.left(), 0);
            }
            registry.counter("amc.ratelimit.bucket.takes", "bucket", meter).increment();
            ConsumptionProbe probe = BucketStore.take(() -> store.bucket(key, limit).tryConsumeAndReturnRemaining(take));
            if (probe.isConsumed()) {
                lease.renewed(take, cost, now);
                leased.remaining = probe.getRemainingTokens();
                return ConsumptionProbe.consumed(leased.remaining + lease.left(), probe.getNanosToWaitForReset());
            }
            if (take <= cost) {
                return probe;
            }
            // Too few tokens for a whole lease: the attempt's cost alone, as without leases.
            ConsumptionProbe alone = BucketStore.take(() -> store.bucket(key, limit).tryConsumeAndReturnRemaining(cost));
            if (alone.isConsumed()) {
                leased.remaining = alone.getRemainingTokens();
            }
            return alone;
        }
    }

    /**
     * Gives back the tokens of leases nobody renewed, so a replica that fell quiet does not sit on part of
     * a budget, and forgets leases that hold nothing (callers come and go).
     */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reclaim() {
        long now = System.nanoTime();
        for (Iterator<Map.Entry<String, Leased>> it = leases.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Leased> entry = it.next();
            Leased leased = entry.getValue();
            long unused;
            Limit limit;
            synchronized (leased) {
                unused = leased.current.reclaim(now, WINDOW.toNanos());
                limit = leased.limit;
                if (leased.current.idle(now, WINDOW.toNanos())) {
                    it.remove();
                }
            }
            if (unused > 0) {
                try {
                    BucketStore.take(() -> {
                        store.bucket(entry.getKey(), limit).addTokens(unused);
                        return null;
                    });
                } catch (ProblemException e) {
                    // The bucket refills by itself: tokens not given back are a moment of budget unused, no more.
                }
            }
        }
    }

    /** A bucket's lease, replaced when the bucket's limit changes. */
    private static final class Leased {
        Limit limit;
        TokenLease current;
        /** The bucket's remaining tokens at the last round trip. */
        long remaining;

        Leased(Limit limit) {
            this.limit = limit;
            this.current = newLease(limit);
        }

        TokenLease lease(Limit now) {
            if (!now.equals(limit)) {
                limit = now;
                current = newLease(now);
            }
            return current;
        }

        private static TokenLease newLease(Limit limit) {
            long perSecond = limit.requests() * 1000 / Math.max(1, limit.period().toMillis());
            return new TokenLease(TokenLease.sizeFor(perSecond, limit.burst()), WINDOW.toNanos());
        }
    }
}
