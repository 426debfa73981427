package io.amcfacade.sandbox;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.smallrye.mutiny.Uni;

/**
 * Holds every request to a simulated AMC endpoint for {@code amc.sandbox.latency} before it is
 * processed. The wait is a timer, not a sleeping thread, so a slow upstream costs the sandbox no
 * threads. The Login with Amazon token endpoint and the sandbox's own controls answer at once.
 */
public class SandboxLatencyFilter {

    /** Path prefixes of the simulated AMC API ({@code /sandbox/accounts/…} and the rest are controls). */
    private static final List<String> AMC_PATHS = List.of("/sandbox/amc/", "/sandbox/user-invitations",
            "/sandbox/users/list", "/sandbox/userRoles/", "/sandbox/userPermissions");

    @Inject
    SandboxConfig config;

    @ServerRequestFilter(nonBlocking = true)
    public Uni<Void> delay(ContainerRequestContext request) {
        Duration latency = config.latency();
        if (latency.isZero() || !isAmcEndpoint(request.getUriInfo().getPath())) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().voidItem().onItem().delayIt().by(latency);
    }

    static boolean isAmcEndpoint(String path) {
        return AMC_PATHS.stream().anyMatch(path::startsWith);
    }
}
