package io.amcfacade.sandbox.faults;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.amcfacade.sandbox.amc.SandboxAccountsResource;
import io.amcfacade.sandbox.amc.SandboxInstancesResource;
import io.amcfacade.sandbox.amc.SandboxInvitationsResource;
import io.amcfacade.sandbox.amc.SandboxManagerAccountsResource;
import io.amcfacade.sandbox.amc.SandboxUsersResource;

/**
 * The faults the simulated AMC endpoints of each region currently suffer ({@code PUT /sandbox/faults}, {@code PUT
 * /sandbox/eu/faults}, …) and the rate above which they throttle. Decides, request by request, which fault strikes;
 * {@link SandboxFaultFilter} carries it out. One region's faults never touch another's.
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
            SandboxUsersResource.REMOVE, SandboxUsersResource.LIST_PERMISSIONS, SandboxManagerAccountsResource.LIST,
            SandboxManagerAccountsResource.LINK, SandboxManagerAccountsResource.UNLINK);
    private static final String PREFIX = "/sandbox";

    private final Map<String, RegionFaults> regions = new ConcurrentHashMap<>();

    /** One region's faults. */
    private static final class RegionFaults {
        private volatile SandboxFaultSettings settings = SandboxFaultSettings.NONE;
        private volatile SandboxTokenBucket rateLimit;
        private final AtomicInteger remaining = new AtomicInteger();
    }

    private RegionFaults of(String region) {
        return regions.computeIfAbsent(region, r -> new RegionFaults());
    }

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
        } else if (amcPath.startsWith("/managerAccounts/")) {
            amcPath = amcPath.replaceFirst("^/managerAccounts/[^/]+", "/managerAccounts/{id}");
        } else if (amcPath.startsWith("/amc/instances/")) {
            amcPath = amcPath.replaceFirst("^/amc/instances/[^/]+", "/amc/instances/{id}")
                    .replaceFirst("/updates/[^/]+$", "/updates/{updateId}");
        }
        String endpoint = method + " " + amcPath;
        return AMC_ENDPOINTS.contains(endpoint) ? endpoint : null;
    }

    SandboxFaultSettings settings(String region) {
        return of(region).settings;
    }

    void set(String region, SandboxFaultSettings wanted) {
        RegionFaults faults = of(region);
        faults.remaining.set(wanted.times() == null ? Integer.MAX_VALUE : wanted.times());
        faults.rateLimit = wanted.maxRequestsPerSecond() == null ? null
                : new SandboxTokenBucket(wanted.maxRequestsPerSecond());
        faults.settings = wanted;
    }

    void reset(String region) {
        set(region, SandboxFaultSettings.NONE);
    }

    int latencyMs(String region, String endpoint) {
        SandboxFaultSettings current = of(region).settings;
        return current.applies(endpoint) ? current.latency() : 0;
    }

    /** The fault that strikes a request as it arrives, before it is processed. */
    Fault beforeProcessing(String region, String endpoint) {
        RegionFaults faults = of(region);
        SandboxFaultSettings current = faults.settings;
        if (!current.applies(endpoint)) {
            return Fault.NONE;
        }
        SandboxTokenBucket bucket = faults.rateLimit;
        if (bucket != null && !bucket.tryTake()) {
            return Fault.RATE_LIMITED;
        }
        if (strikes(faults, current.throttle())) {
            return Fault.THROTTLED;
        }
        return current.after() ? Fault.NONE : errorOrDrop(faults, current);
    }

    /** The fault that strikes a processed request's answer: a replaced body, or ({@code phase: AFTER}) an error or a drop. */
    Fault afterProcessing(String region, String endpoint) {
        RegionFaults faults = of(region);
        SandboxFaultSettings current = faults.settings;
        if (!current.applies(endpoint)) {
            return Fault.NONE;
        }
        if (current.answerBody() != null) {
            return faults.remaining.getAndDecrement() > 0 ? Fault.REPLACED : Fault.NONE;
        }
        return current.after() ? errorOrDrop(faults, current) : Fault.NONE;
    }

    private static Fault errorOrDrop(RegionFaults faults, SandboxFaultSettings current) {
        if (strikes(faults, current.error())) {
            return Fault.ERROR;
        }
        return strikes(faults, current.drop()) ? Fault.DROPPED : Fault.NONE;
    }

    /** A fault strikes at its rate while the {@code times} budget lasts. */
    private static boolean strikes(RegionFaults faults, double rate) {
        return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate && faults.remaining.getAndDecrement() > 0;
    }
}
