package io.amcfacade.resilience;

import java.time.Duration;
import java.util.Optional;

/** A failed upstream attempt that says how it failed, so the retry policy can decide. */
public interface ClassifiedFailure {

    /** How the attempt failed; {@code null} when it is an answer no retry can change (a 400, a 404). */
    AttemptFailure failure();

    /** How long AMC asked us to wait ({@code Retry-After}), if it did. */
    Optional<Duration> retryAfter();
}
