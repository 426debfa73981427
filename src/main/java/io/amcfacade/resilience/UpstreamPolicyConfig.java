package io.amcfacade.resilience;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How hard the facade tries upstream, and when it gives up. The reason for each default is written
 * next to it; {@code docs/resilience.md} explains how the policies fit together.
 */
@ConfigMapping(prefix = "amc.upstream")
public interface UpstreamPolicyConfig {

    /**
     * The longest a caller waits for all the AMC calls its request needs, waits for rate-limit tokens and
     * retries included. Eight seconds leave room for two full attempts and a back-off, and stay below
     * the 10 to 30 seconds at which callers' own HTTP clients and gateways usually give up.
     */
    @WithDefault("PT8S")
    Duration deadline();

    /** One AMC call may take this long (capped by what is left of the deadline). AMC admin calls answer in well under a second. */
    @WithDefault("PT4S")
    Duration attemptTimeout();

    /**
     * The most a wait for an AMC rate-limit token leaves of the deadline for the attempt itself: a token that
     * would come later is not waited for (the caller gets {@code 429 UPSTREAM_RATE_LIMITED}, nothing sent).
     * The reserve actually left is twice the slowest of the group's last 32 attempts, at least 100 ms and at
     * most this: while AMC answers in tens of milliseconds, a fixed second refused throttled creates with a
     * second of their deadline unused (bench/resilience); once one recent attempt was slow, the whole of this
     * is left again. AMC admin calls answer in well under a second.
     */
    @WithDefault("PT1S")
    Duration tokenWaitReserve();

    Retry retry();

    CircuitBreaker circuitBreaker();

    Bulkhead bulkhead();

    /** Retries of failed AMC calls: which failures of which operations is {@link RetryClass}'s business. */
    interface Retry {

        /** Attempts per AMC call, the first included: Amazon's guidance is a few retries with back-off. */
        @WithDefault("3")
        int maxAttempts();

        /** First back-off ceiling; it doubles per retry, and the actual wait is drawn uniformly below it (full jitter). */
        @WithDefault("PT0.2S")
        Duration initialBackoff();

        /** Back-off ceiling, so a retry never waits longer than this without a {@code Retry-After}. */
        @WithDefault("PT2S")
        Duration maxBackoff();

        /** A {@code Retry-After} longer than this is not waited for: the caller gets the throttling answer instead. */
        @WithDefault("PT5S")
        Duration retryAfterCap();

        /**
         * Retry budget (gRPC's retry throttling): it holds this many tokens, each failed attempt takes one,
         * each success gives back {@link #budgetTokenRatio()}; below half full no retries are made. Ten
         * tolerate a burst of failures, yet a down AMC sees at most a handful of retries, not three times the load.
         */
        @WithDefault("10")
        int budgetTokens();

        /** What a success gives back to the budget: one in ten calls may be retried in the long run. */
        @WithDefault("0.1")
        double budgetTokenRatio();
    }

    /** Fails fast while AMC keeps failing, so callers get a quick 503 and AMC time to recover. */
    interface CircuitBreaker {

        /** Consecutive failed AMC attempts (5xx, timeouts, connection errors) that open the breaker. */
        @WithDefault("5")
        int failureThreshold();

        /** How long it stays open before a trial call; also the {@code Retry-After} callers get meanwhile. */
        @WithDefault("PT10S")
        Duration delay();

        /** Successful trial calls that close it again. */
        @WithDefault("2")
        int successThreshold();
    }

    /** Caps the AMC calls in flight on this replica, so a slow AMC cannot tie up every worker thread. */
    interface Bulkhead {

        /**
         * Concurrent AMC calls per replica; the excess is refused with a fast 503. Sixteen is well above what
         * the outbound rate limit lets through at AMC's latency, and well below the worker pool.
         */
        @WithDefault("16")
        int maxConcurrentCalls();
    }
}
