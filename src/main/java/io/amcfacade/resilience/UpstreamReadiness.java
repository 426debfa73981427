package io.amcfacade.resilience;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows AMC's state in {@code /q/health/ready} without letting it decide readiness: the check stays UP
 * and says {@code degraded} while the circuit breaker is open. AMC failing is the same for every
 * replica, so taking pods out of the load balancer would not help, and would also take away the audit
 * reads that need no AMC at all ({@code docs/resilience.md}).
 */
@Readiness
@ApplicationScoped
public class UpstreamReadiness implements HealthCheck {

    @Inject
    UpstreamGuard guard;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("amc-upstream").up()
                .withData("state", guard.open() ? "degraded" : "available")
                .withData("circuitBreaker", guard.open() ? "open" : "closed")
                .build();
    }
}
