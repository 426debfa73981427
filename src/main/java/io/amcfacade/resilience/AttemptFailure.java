package io.amcfacade.resilience;

/** How one upstream attempt failed, as far as retrying is concerned. */
public enum AttemptFailure {
    /** 429: AMC refused the request without processing it. */
    THROTTLED(true),
    /** 5xx: AMC may or may not have processed it. */
    SERVER_ERROR(false),
    /** No answer in time: the request may have been processed. */
    TIMEOUT(false),
    /** The connection was refused: nothing was sent. */
    REFUSED(true),
    /** The connection failed after the request was sent: it may have been processed. */
    CONNECTION_LOST(false);

    private final boolean provablyNotProcessed;

    AttemptFailure(boolean provablyNotProcessed) {
        this.provablyNotProcessed = provablyNotProcessed;
    }

    /** Whether AMC certainly did nothing, so that even a create can be sent again. */
    public boolean provablyNotProcessed() {
        return provablyNotProcessed;
    }

    /** Whether the failure says AMC is unwell (and counts against the circuit breaker), rather than busy. */
    public boolean upstreamUnwell() {
        return this != THROTTLED;
    }
}
