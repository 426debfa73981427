package io.amcfacade.resilience;

import java.time.Duration;

/** The moment by which a caller's request must be answered; every wait and every attempt fits inside it. */
public record Deadline(long expiresAtNanos) {

    public static Deadline after(long startNanos, Duration budget) {
        return new Deadline(startNanos + budget.toNanos());
    }

    public Duration remaining() {
        return remainingAt(System.nanoTime());
    }

    /** What is left at {@code nowNanos} (a {@link System#nanoTime()} reading). */
    public Duration remainingAt(long nowNanos) {
        return Duration.ofNanos(Math.max(0, expiresAtNanos - nowNanos));
    }

    public boolean expired() {
        return expiresAtNanos - System.nanoTime() <= 0;
    }
}
