package io.amcfacade.sandbox;

/**
 * The one way a simulated API refuses a request: thrown from anywhere in the sandbox, answered by
 * {@link SandboxReplies} with the error body of the API the endpoint belongs to ({@link SandboxErrorBody})
 * and counted against {@code endpoint}.
 */
public final class SandboxRejection extends RuntimeException {

    private final String endpoint;
    private final int status;
    private final String code;

    public SandboxRejection(String endpoint, int status, String message) {
        this(endpoint, status, null, message);
    }

    /**
     * @param code for the APIs whose error bodies carry one (Login with Amazon's {@code error} included);
     *        {@code null} for the usual code of the status
     */
    public SandboxRejection(String endpoint, int status, String code, String message) {
        // An expected answer, not a fault: no stack trace to fill in.
        super(message, null, false, false);
        this.endpoint = endpoint;
        this.status = status;
        this.code = code;
    }

    public String endpoint() {
        return endpoint;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code != null ? code : SandboxErrorBody.defaultCode(status);
    }
}
