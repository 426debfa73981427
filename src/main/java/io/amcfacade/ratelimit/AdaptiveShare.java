package io.amcfacade.ratelimit;

/**
 * How much of its group's AMC budget this replica spends per attempt, adapted to AMC's answers the
 * way the AWS SDKs' adaptive retry mode adapts its send rate: additive increase, multiplicative
 * decrease. A 429 multiplies the share by 0.7 (the AWS SDKs' factor; at most once per {@code
 * decreaseIntervalNanos}, so a burst of 429s answering calls sent together counts once); every
 * success adds {@code increase} back, up to the whole budget. The share turns into a token cost
 * (half the share, twice the tokens per attempt), so replicas seeing 429s drain the fleet's shared bucket faster and the fleet's rate to
 * AMC falls, and rises again as AMC accepts calls. Pure: the clock is passed in.
 */
final class AdaptiveShare {

    private static final double DECREASE = 0.7;

    private final double floor;
    private final double increase;
    private final long decreaseIntervalNanos;
    private double share = 1.0;
    private long lastDecreaseNanos;
    private boolean decreased;

    /**
     * @param floor the smallest share, so a long throttle slows the replica down without stopping it
     * @param increase share given back per accepted call
     */
    AdaptiveShare(double floor, double increase, long decreaseIntervalNanos) {
        this.floor = floor;
        this.increase = increase;
        this.decreaseIntervalNanos = decreaseIntervalNanos;
    }

    synchronized void throttled(long nowNanos) {
        if (!decreased || nowNanos - lastDecreaseNanos >= decreaseIntervalNanos) {
            share = Math.max(floor, share * DECREASE);
            lastDecreaseNanos = nowNanos;
            decreased = true;
        }
    }

    synchronized void accepted() {
        share = Math.min(1.0, share + increase);
    }

    synchronized double share() {
        return share;
    }

    /** Tokens one attempt takes at the current share, at most {@code capacity} (a bucket never holds more). */
    synchronized long cost(long capacity) {
        return Math.max(1, Math.min(capacity, Math.round(1 / share)));
    }
}
