package io.amcfacade.sandbox;

import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.Config;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.Problems;

/** Hides {@code /sandbox/**} (404) unless the sandbox routes are enabled. */
public class SandboxGuard {

    private final boolean enabled;

    public SandboxGuard(Config config) {
        this.enabled = SandboxMode.routesEnabled(name -> config.getOptionalValue(name, String.class).orElse(null));
    }

    @ServerRequestFilter(preMatching = true, nonBlocking = true)
    public Optional<Response> hideWhenDisabled(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!enabled && (path.equals("/sandbox") || path.startsWith("/sandbox/"))) {
            return Optional.of(Problems.response(Problems.of(ProblemCode.NOT_FOUND, "No resource at this path.")));
        }
        return Optional.empty();
    }
}
