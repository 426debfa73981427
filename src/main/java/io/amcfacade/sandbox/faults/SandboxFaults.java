package io.amcfacade.sandbox.faults;

import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.amcfacade.sandbox.amc.SandboxAccountsResource;
import io.amcfacade.sandbox.amc.SandboxInstancesResource;
import io.amcfacade.sandbox.amc.SandboxInvitationsResource;
import io.amcfacade.sandbox.amc.SandboxUsersResource;

/**
 * The faults the simulated AMC endpoints currently suffer ({@code PUT /sandbox/faults}) and the rate
 * above which they throttle. Decides, request by request, which fault strikes; {@link SandboxFaultFilter}
 * carries it out.
 */
@ApplicationScoped
public class SandboxFaults {

    /** What happens to one request. */
    enum Fault {
        NONE, RATE_LIMITED, THROTTLED, ERROR, DROPPED, REPLACED
    }

    private static final Set<String> AMC_ENDPOINTS = Set.of(SandboxAccountsResource.ENDPOINT,
            SandboxInstancesResource.LIST, SandboxInstancesResource.GET, SandboxInstancesResource.CREATE,
            SandboxInstancesResource.UPDATE, SandboxInstancesResource.DELETE, SandboxInstancesResource.ADVERTISERS,
            SandboxInstancesResource.UPDATES, SandboxInstancesResource.CREATE_UPDATE, SandboxInstancesResource.GET_UPDATE,
            SandboxInvitationsResource.CREATE, SandboxInvitationsResource.UPDATE, SandboxInvitationsResource.LIST,
            SandboxInvitationsResource.GET, SandboxInvitationsResource.REDEEM,
            SandboxUsersResource.LIST_USERS, SandboxUsersResource.LIST_ROLES, SandboxUsersResource.SET_ROLES,
            SandboxUsersResource.REMOVE);
    private static final String PREFIX = "/sandbox";

    private volatile SandboxFaultSettings settings = SandboxFaultSettings.NONE;
    private volatile SandboxTokenBucket rateLimit;
    private final AtomicInteger remaining = new AtomicInteger();

    /**
     * The simulated AMC endpoint a request is for, named as in {@code /sandbox/stats}, or {@code null}
     * for anything else (the token endpoint and the sandbox's controls are never faulted).
     */
    static String endpoint(String method, String path) {
        if (!path.startsWith(PREFIX + "/")) {
            return null;
        }
        String amcPath = path.substring(PREFIX.length());
        if ("GET".equals(method) && amcPath.startsWith("/user-invitations/")) {
            amcPath = "/user-invitations/{id}";
        } else if (amcPath.startsWith("/amc/instances/")) {
            amcPath = amcPath.replaceFirst("^/amc/instances/[^/]+", "/amc/instances/{id}")
                    .replaceFirst("/updates/[^/]+$", "/updates/{updateId}");
        }
        String endpoint = method + " " + amcPath;
        return AMC_ENDPOINTS.contains(endpoint) ? endpoint : null;
    }

    SandboxFaultSettings settings() {
        return settings;
    }

    void set(SandboxFaultSettings wanted) {
        remaining.set(wanted.times() == null ? Integer.MAX_VALUE : wanted.times());
        rateLimit = wanted.maxRequestsPerSecond() == null ? null : new SandboxTokenBucket(wanted.maxRequestsPerSecond());
        settings = wanted;
    }

    void reset() {
        set(SandboxFaultSettings.NONE);
    }

    int latencyMs(String endpoint) {
        SandboxFaultSettings current = settings;
        return current.applies(endpoint) ? current.latency() : 0;
    }

    /** The fault that strikes a request as it arrives, before it is processed. */
    Fault beforeProcessing(String endpoint) {
        SandboxFaultSettings current = settings;
        if (!current.applies(endpoint)) {
            return Fault.NONE;
        }
        SandboxTokenBucket bucket = rateLimit;
        if (bucket != null && !bucket.tryTake()) {
            return Fault.RATE_LIMITED;
        }
        if (strikes(current.throttle())) {
            return Fault.THROTTLED;
        }
        return current.after() ? Fault.NONE : errorOrDrop(current);
    }

    /** The fault that strikes a processed request's answer: a replaced body, or ({@code phase: AFTER}) an error or a drop. */
    Fault afterProcessing(String endpoint) {
        SandboxFaultSettings current = settings;
        if (!current.applies(endpoint)) {
            return Fault.NONE;
        }
        if (current.answerBody() != null) {
            return remaining.getAndDecrement() > 0 ? Fault.REPLACED : Fault.NONE;
        }
        return current.after() ? errorOrDrop(current) : Fault.NONE;
    }

    private Fault errorOrDrop(SandboxFaultSettings current) {
        if (strikes(current.error())) {
            return Fault.ERROR;
        }
        return strikes(current.drop()) ? Fault.DROPPED : Fault.NONE;
    }

    /** A fault strikes at its rate while the {@code times} budget lasts. */
    private boolean strikes(double rate) {
        return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate && remaining.getAndDecrement() > 0;
    }
}
