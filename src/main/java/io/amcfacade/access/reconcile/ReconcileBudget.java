package io.amcfacade.access.reconcile;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.amcfacade.ratelimit.OutboundRateLimiter;

/**
 * The reconciler's own share of the fleet's AMC budget ({@code amc.access.requests-per-second}), kept
 * in PostgreSQL like every bucket so all replicas together stay within it. Each reconciler call takes a
 * token here before its group's bucket: the reconciler never spends more than its share, callers never
 * less than the rest of their group's budget. Every token taken is a call counted for the pass.
 */
@ApplicationScoped
public class ReconcileBudget {

    private static final String SHARE = "access-reconciler";

    private final OutboundRateLimiter limiter;
    private final AccessConfig config;

    public ReconcileBudget(OutboundRateLimiter limiter, AccessConfig config) {
        this.limiter = limiter;
        this.config = config;
    }

    /** The AMC calls one pass of one account spent. */
    public static final class Spent {
        private final AtomicInteger calls = new AtomicInteger();

        public int calls() {
            return calls.get();
        }
    }

    /**
     * Takes {@code tokens} for calls about to be made, waiting up to {@code amc.access.token-wait}.
     *
     * @throws ReconcileThrottled when the share stays spent that long: the pass backs off
     */
    void take(int tokens, Spent spent) {
        // In chunks of at most a second's worth, the most the share ever holds: one bucket transaction per chunk.
        int perSecond = config.requestsPerSecond();
        for (int left = tokens; left > 0;) {
            int chunk = Math.min(left, perSecond);
            boolean taken;
            try {
                taken = limiter.takeShare(SHARE, perSecond, chunk, config.tokenWait());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReconcileThrottled("Interrupted while waiting for the reconciler's AMC share");
            }
            if (!taken) {
                throw new ReconcileThrottled("The reconciler's AMC share (" + perSecond + "/s) stayed spent for "
                        + config.tokenWait());
            }
            spent.calls.addAndGet(chunk);
            left -= chunk;
        }
    }
}
