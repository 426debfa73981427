package io.amcfacade.sandbox;

/**
 * A whole request the simulated invitation API refuses; {@link SandboxReplies} answers it with the
 * API's {@code {"message"}} body and counts it against {@code endpoint}.
 */
final class SandboxRejection extends RuntimeException {

    private final String endpoint;
    private final int status;

    SandboxRejection(String endpoint, int status, String message) {
        // An expected answer, not a fault: no stack trace to fill in.
        super(message, null, false, false);
        this.endpoint = endpoint;
        this.status = status;
    }

    String endpoint() {
        return endpoint;
    }

    int status() {
        return status;
    }
}
