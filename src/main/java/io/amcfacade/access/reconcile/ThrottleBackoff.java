package io.amcfacade.access.reconcile;

import java.time.Duration;

/**
 * How long a pass waits after AMC (or its own share of the budget) throttled it: one second, doubling
 * with each throttled account in a row up to a minute; after six in a row the pass stops and the rest
 * waits for the next interval, so a throttled AMC sees the reconciler fall silent rather than insist.
 */
final class ThrottleBackoff {

    private static final Duration FIRST = Duration.ofSeconds(1);
    private static final Duration LONGEST = Duration.ofMinutes(1);
    private static final int GIVE_UP_AFTER = 6;

    private int inARow;

    Duration throttled() {
        inARow++;
        Duration wait = FIRST.multipliedBy(1L << Math.min(inARow - 1, 10));
        return wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
    }

    void succeeded() {
        inARow = 0;
    }

    boolean exhausted() {
        return inARow >= GIVE_UP_AFTER;
    }
}
