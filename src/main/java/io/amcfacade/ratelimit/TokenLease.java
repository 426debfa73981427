package io.amcfacade.ratelimit;

/**
 * Tokens one replica took from a shared bucket ahead of need, to spend without a database round trip
 * each: a lease of {@code size} tokens, good for {@code windowNanos}. Spending a leased token is
 * spending one the fleet's bucket already gave up, so the fleet never sends more than its bucket grants;
 * a lease only moves the moment the bucket is asked. Tokens left when a lease runs out are not spent
 * late: the next lease counts them (it takes that many fewer from the bucket), and a lease nobody
 * renews gives them back ({@link #reclaim}). Pure and not thread-safe: the owner holds its lock and
 * passes the clock in.
 */
final class TokenLease {

    private final long size;
    private final long windowNanos;
    private long left;
    private long expiresAtNanos;

    /**
     * @param size tokens one lease takes at most (at least 1; 1 means no lease, a round trip per token)
     * @param windowNanos how long leased tokens may be spent before they count as given back
     */
    TokenLease(long size, long windowNanos) {
        this.size = Math.max(1, size);
        this.windowNanos = windowNanos;
    }

    /** Past this, a larger lease saves no round trip worth having and only strands more of the budget. */
    static final long MAX_SIZE = 100;

    /**
     * The size of a lease for a budget of {@code perSecond}: a tenth of a second's worth, at most a quarter
     * of the burst (so a few replicas cannot hold the whole of it) and at most {@link #MAX_SIZE}.
     */
    static long sizeFor(long perSecond, long burst) {
        return Math.max(1, Math.min(Math.min(perSecond / 10, burst / 4), MAX_SIZE));
    }

    /** Spends {@code cost} leased tokens if the lease is live and holds them. */
    boolean trySpend(long cost, long nowNanos) {
        if (left >= cost && nowNanos - expiresAtNanos < 0) {
            left -= cost;
            return true;
        }
        return false;
    }

    /**
     * How many tokens to ask the bucket for to renew the lease and spend {@code cost} at once: the lease's
     * size (or the cost, if larger), less the tokens the last lease left, which the new one takes over.
     */
    long toTake(long cost) {
        return Math.max(Math.max(size, cost) - left, 0);
    }

    /** The bucket gave {@code taken} (as {@link #toTake} asked): the lease is renewed and {@code cost} spent from it. */
    void renewed(long taken, long cost, long nowNanos) {
        left = left + taken - cost;
        expiresAtNanos = nowNanos + windowNanos;
    }

    /** Tokens the lease still holds (spendable only while it is live). */
    long left() {
        return left;
    }

    /** Whether the lease holds nothing and ran out at least {@code graceNanos} ago: it can be forgotten. */
    boolean idle(long nowNanos, long graceNanos) {
        return left == 0 && nowNanos - (expiresAtNanos + graceNanos) >= 0;
    }

    /**
     * Tokens of a lease that ran out {@code graceNanos} ago or longer and were never spent nor taken over:
     * they are the fleet's again, to be given back to the bucket. Leaves the lease empty.
     */
    long reclaim(long nowNanos, long graceNanos) {
        if (left == 0 || nowNanos - (expiresAtNanos + graceNanos) < 0) {
            return 0;
        }
        long unused = left;
        left = 0;
        return unused;
    }
}
