package io.amcfacade.resilience;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.amcfacade.regions.Region;

/**
 * Shows AMC's state in {@code /q/health/ready} without letting it decide readiness: the check stays UP
 * and says {@code degraded} while the circuit breaker is open. AMC failing is the same for every
 * replica, so taking pods out of the load balancer would not help, and would also take away the audit
 * reads that need no AMC at all ({@code docs/resilience.md}). Each region's breaker is shown beside the
 * summary ({@code circuitBreaker.eu}); the summary is {@code open} while any is.
 */
@Readiness
@ApplicationScoped
public class UpstreamReadiness implements HealthCheck {

    @Inject
    UpstreamGuard guard;

    @Override
    public HealthCheckResponse call() {
        boolean anyOpen = false;
        HealthCheckResponseBuilder response = HealthCheckResponse.named("amc-upstream").up();
        for (Region region : Region.values()) {
            boolean open = guard.open(region);
            anyOpen |= open;
            response.withData("circuitBreaker." + region.id(), open ? "open" : "closed");
        }
        return response.withData("state", anyOpen ? "degraded" : "available")
                .withData("circuitBreaker", anyOpen ? "open" : "closed")
                .build();
    }
}
