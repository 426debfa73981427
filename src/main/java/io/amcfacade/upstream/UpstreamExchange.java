package io.amcfacade.upstream;

import jakarta.enterprise.context.RequestScoped;

/**
 * What the AMC calls of the current request answered, for the audit trail; and what must happen
 * before the request's first AMC call (the audit trail commits the action's intent there).
 */
@RequestScoped
public class UpstreamExchange {

    private Runnable beforeCall;
    private int attempts;
    private Integer lastStatus;
    private String lastRequestId;

    /**
     * Runs {@code step} before every AMC call of this request (and before the token it is made with is
     * fetched); when it throws, the call is not made. The step itself makes repeated runs cheap.
     */
    public void beforeEachCall(Runnable step) {
        beforeCall = step;
    }

    void starting() {
        if (beforeCall != null) {
            beforeCall.run();
        }
    }

    void record(Integer status, String requestId) {
        attempts++;
        lastStatus = status;
        if (requestId != null) {
            lastRequestId = requestId;
        }
    }

    public int attempts() {
        return attempts;
    }

    /** The last HTTP status AMC answered with; {@code null} when no answer came back. */
    public Integer lastStatus() {
        return lastStatus;
    }

    public String lastRequestId() {
        return lastRequestId;
    }
}
