package io.amcfacade.idempotency;

/** What a request with an idempotency key may do. */
sealed interface Claim {

    /** The key is this request's: run it, then store its answer. */
    record Owned() implements Claim {
    }

    /** The key already answered this same request: replay that answer; {@code originalEventId} audited it. */
    record Replay(int status, String body, java.util.UUID originalEventId) implements Claim {
    }

    /** The key was used for a different request. */
    record Reused() implements Claim {
    }

    /** The first request with this key has not answered; {@code abandoned} when it is past its time. */
    record InFlight(boolean abandoned) implements Claim {
    }
}
