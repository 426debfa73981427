package io.amcfacade.upstream;

import jakarta.enterprise.context.RequestScoped;

/** What the AMC calls of the current request answered, for the audit trail. */
@RequestScoped
public class UpstreamExchange {

    private int attempts;
    private Integer lastStatus;
    private String lastRequestId;

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
