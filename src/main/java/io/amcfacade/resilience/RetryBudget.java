package io.amcfacade.resilience;

/**
 * gRPC-style retry throttling for one replica: failed attempts drain the budget, successes refill it
 * slowly, and while it is below half no retry is made. A failing AMC therefore sees its load fall back
 * to the callers' own rate instead of tripling.
 */
final class RetryBudget {

    private final double capacity;
    private final double refillPerSuccess;
    private double tokens;

    RetryBudget(int capacity, double refillPerSuccess) {
        this.capacity = capacity;
        this.refillPerSuccess = refillPerSuccess;
        this.tokens = capacity;
    }

    synchronized void succeeded() {
        tokens = Math.min(capacity, tokens + refillPerSuccess);
    }

    /** Counts a failed attempt; answers whether a retry may still be made. */
    synchronized boolean failedMayRetry() {
        tokens = Math.max(0, tokens - 1);
        return tokens > capacity / 2;
    }
}
