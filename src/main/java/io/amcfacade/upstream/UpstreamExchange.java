package io.amcfacade.upstream;

import jakarta.enterprise.context.RequestScoped;

import io.amcfacade.regions.Region;

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
    private Region lastRegion;

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

    /** @param region of an account-scoped call; {@code null} for a listing of accounts, which keeps the last one */
    void record(Region region, Integer status, String requestId) {
        attempts++;
        if (region != null) {
            lastRegion = region;
        }
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

    /**
     * The region whose AMC host the request's last account-scoped call went to: the account's region; {@code null}
     * when it made none (a listing of every region's accounts is no one region's).
     */
    public String lastRegion() {
        return lastRegion == null ? null : lastRegion.id();
    }
}
