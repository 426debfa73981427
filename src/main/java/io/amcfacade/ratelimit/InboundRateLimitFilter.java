package io.amcfacade.ratelimit;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.security.Roles;
import io.amcfacade.web.RetryAfter;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Limits each caller (token subject) on every {@code /v1} call, in a bucket every replica shares, and
 * says where they stand in the IETF draft's {@code RateLimit-Policy} and {@code RateLimit} headers
 * (draft-ietf-httpapi-ratelimit-headers: {@code "amc-viewer";q=120;w=60} and {@code "amc-viewer";r=19;t=1}).
 * Over the limit: 429 with {@code Retry-After}. Runs before the audit intent; the audit trail records a
 * refused call whole.
 */
public class InboundRateLimitFilter {

    private static final String STANDING = InboundRateLimitFilter.class.getName() + ".standing";
    private static final String KEY_PREFIX = "caller:";

    @Inject
    SecurityIdentity identity;
    @Inject
    LeasedBuckets leased;
    @Inject
    InboundLimitConfig config;
    @Inject
    MeterRegistry registry;

    /** Where a caller stands after this request: the policy that applies and the probe of its bucket. */
    private record Standing(String policy, Limit limit, ConsumptionProbe probe) {

        Map<String, String> headers() {
            long remaining = probe.getRemainingTokens();
            long reset = probe.isConsumed() ? limit.secondsToRefill(limit.burst() - remaining)
                    : RetryAfter.wholeSeconds(Duration.ofNanos(probe.getNanosToWaitForRefill()));
            return Map.of("RateLimit-Policy", "\"" + policy + "\";q=" + limit.requests() + ";w=" + limit.period().toSeconds(),
                    "RateLimit", "\"" + policy + "\";r=" + remaining + ";t=" + reset);
        }
    }

    @ServerRequestFilter(priority = Priorities.USER - 100)
    public void limit(ResourceInfo resource, ContainerRequestContext request) {
        if (resource.getResourceMethod() == null || !request.getUriInfo().getPath().startsWith("/v1/")
                || identity.isAnonymous()) {
            return;
        }
        Optional<Map.Entry<String, Limit>> policy = policyOf(identity);
        if (policy.isEmpty()) {
            return;
        }
        String name = policy.get().getKey();
        Limit limit = policy.get().getValue();
        ConsumptionProbe probe = leased.take(KEY_PREFIX + identity.getPrincipal().getName(), limit, 1, "caller:" + name);
        Standing standing = new Standing(name, limit, probe);
        request.setProperty(STANDING, standing);
        if (!probe.isConsumed()) {
            registry.counter("amc.ratelimit.inbound.rejections", "policy", name).increment();
            Map<String, String> headers = new HashMap<>(standing.headers());
            headers.put("Retry-After", RetryAfter.seconds(Duration.ofNanos(probe.getNanosToWaitForRefill())));
            throw new ProblemException(Problems.of(ProblemCode.RATE_LIMITED,
                    "Caller " + identity.getPrincipal().getName() + " has used its " + limit.requests() + " requests per "
                            + limit.period().toSeconds() + " s (" + name + "); retry after the indicated time."),
                    headers, null);
        }
    }

    @ServerResponseFilter
    public void report(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(STANDING) instanceof Standing standing && response.getStatus() != 429) {
            standing.headers().forEach(response.getHeaders()::putSingle);
        }
    }

    /** The most generous limit among the caller's roles, named after its role. */
    private Optional<Map.Entry<String, Limit>> policyOf(SecurityIdentity caller) {
        Map<String, InboundLimitConfig.Role> byRole = Map.of(Roles.ADMIN, config.admin(), Roles.VIEWER, config.viewer(),
                Roles.AUDITOR, config.auditor());
        return byRole.entrySet().stream().filter(role -> caller.hasRole(role.getKey()))
                .map(role -> Map.entry(role.getKey(), role.getValue().limit()))
                .max(Comparator.comparingLong(role -> role.getValue().requests() * 60_000 / role.getValue().period().toMillis()));
    }
}
