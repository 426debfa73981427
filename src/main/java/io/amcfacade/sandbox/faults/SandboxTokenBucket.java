package io.amcfacade.sandbox.faults;

/**
 * The sandbox's own throttle ({@code maxRequestsPerSecond}): a token bucket that holds one second of
 * requests and refills continuously, the usual shape of an API gateway's limit.
 */
final class SandboxTokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final int perSecond;
    private double tokens;
    private long refilledAt = System.nanoTime();

    SandboxTokenBucket(int perSecond) {
        this.perSecond = perSecond;
        this.tokens = perSecond;
    }

    synchronized boolean tryTake() {
        long now = System.nanoTime();
        tokens = Math.min(perSecond, tokens + (now - refilledAt) * perSecond / NANOS_PER_SECOND);
        refilledAt = now;
        if (tokens < 1) {
            return false;
        }
        tokens--;
        return true;
    }
}
