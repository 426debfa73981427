package io.amcfacade.resilience;

/**
 * Which failed attempts of an operation may be sent again. The table per AMC operation is in
 * {@code docs/resilience.md}.
 */
public enum RetryClass {
    /** Reads, and changes whose repetition changes nothing (revoke/resend, setting a role): every failure. */
    REPEATABLE,
    /** Creates, redeem, removals: only when AMC provably did not process the request (429, connection refused). */
    ONLY_IF_NOT_PROCESSED;

    public boolean retries(AttemptFailure failure) {
        return this == REPEATABLE || failure.provablyNotProcessed();
    }
}
