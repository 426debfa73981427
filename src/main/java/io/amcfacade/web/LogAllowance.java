package io.amcfacade.web;

/**
 * How many lines a source that strangers can trigger may log: at most {@code perMinute} a clock minute,
 * so that a flood of bad requests cannot flood the logs. The lines it holds back are counted and named by
 * the next line it allows.
 */
final class LogAllowance {

    private final int perMinute;
    private long minute = Long.MIN_VALUE;
    private int used;
    private long withheld;

    LogAllowance(int perMinute) {
        this.perMinute = perMinute;
    }

    /**
     * Whether a line may be logged at {@code nowMillis}: -1 if not (it is counted as withheld), otherwise how
     * many lines were withheld since the last one allowed.
     */
    synchronized long take(long nowMillis) {
        long current = Math.floorDiv(nowMillis, 60_000L);
        if (current != minute) {
            minute = current;
            used = 0;
        }
        if (used >= perMinute) {
            withheld++;
            return -1;
        }
        used++;
        long skipped = withheld;
        withheld = 0;
        return skipped;
    }
}
