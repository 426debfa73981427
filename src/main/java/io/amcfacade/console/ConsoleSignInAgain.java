package io.amcfacade.console;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.amcfacade.api.model.Problem;
import io.amcfacade.problem.ProblemCode;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * A console page asked for without a session the facade can read (its cookie garbage, empty, expired, or
 * encrypted before the session secret changed) starts a new sign-in, as a visit with no cookie does: the
 * provider's redirect replaces the 401, and quarkus-oidc has already cleared the cookie it could not read.
 * It runs before the audit filter records the answer, so the trail holds the redirect as it was sent:
 * {@code REQUEST_REFUSED} (no page's action took the request), {@code DENIED}, code {@code UNAUTHORIZED}.
 */
public class ConsoleSignInAgain {

    static final String DETAIL = "No console session this facade can read (none, expired, or encrypted with a key no "
            + "longer in use): a new sign-in was started.";

    @ServerResponseFilter(priority = Priorities.USER + 100)
    public Uni<Void> toTheProvider(ContainerRequestContext request, ContainerResponseContext response, RoutingContext http) {
        HttpAuthenticator authenticator = http.get(HttpAuthenticator.class.getName());
        if (response.getStatus() != 401 || authenticator == null || !ConsolePaths.isConsole(request.getUriInfo().getPath())) {
            return Uni.createFrom().voidItem();
        }
        return authenticator.getChallenge(http).invoke(challenge -> {
            if (challenge == null || challenge.getHeaders().isEmpty()) {
                return;
            }
            response.setStatus(challenge.status);
            response.getHeaders().remove("WWW-Authenticate");
            challenge.getHeaders().forEach((name, value) -> response.getHeaders().putSingle(name.toString(), value));
            if (response.getEntity() instanceof Problem problem && ProblemCode.UNAUTHORIZED.name().equals(problem.getCode())) {
                problem.setDetail(DETAIL);
            }
        }).replaceWithVoid();
    }
}
