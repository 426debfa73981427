package io.amcfacade.sandbox;

/**
 * A whole request a simulated AMC API refuses; {@link SandboxReplies} answers it with that API's error
 * body ({@link SandboxErrorBody}) and counts it against {@code endpoint}.
 */
final class SandboxRejection extends RuntimeException {

    private final String endpoint;
    private final int status;
    private final String code;

    SandboxRejection(String endpoint, int status, String message) {
        this(endpoint, status, null, message);
    }

    /** @param code for the APIs whose error bodies carry one; {@code null} for the usual code of the status */
    SandboxRejection(String endpoint, int status, String code, String message) {
        // An expected answer, not a fault: no stack trace to fill in.
        super(message, null, false, false);
        this.endpoint = endpoint;
        this.status = status;
        this.code = code;
    }

    String endpoint() {
        return endpoint;
    }

    int status() {
        return status;
    }

    String code() {
        return code != null ? code : SandboxErrorBody.defaultCode(status);
    }
}
