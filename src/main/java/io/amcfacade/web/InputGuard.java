package io.amcfacade.web;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.text.ControlCharacters;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Refuses, before anything is looked up or written, requests whose path parameters, query parameters,
 * headers or identifying token claims carry control characters (400 naming the field), and tokens whose
 * identifying claims are not strings (401). It runs before the rate limit and the audit intent, whose
 * keys and records would otherwise carry those values into PostgreSQL; the refusal itself is audited
 * like every other, with the values escaped. Body strings are checked where they are read ({@code StrictJson}).
 */
public class InputGuard {

    /** The claims the audit trail and the rate limits read the caller's identity from. */
    static final List<String> IDENTITY_CLAIMS = List.of("sub", "preferred_username", "upn");

    @Inject
    SecurityIdentity identity;

    @ServerRequestFilter(priority = Priorities.USER - 200)
    public void guard(ResourceInfo resource, ContainerRequestContext request) {
        if (resource.getResourceMethod() == null || !request.getUriInfo().getPath().startsWith("/v1/")) {
            return;
        }
        refuseControls(request.getUriInfo().getPathParameters());
        refuseControls(request.getUriInfo().getQueryParameters());
        refuseControls(request.getHeaders());
        if (!identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt) {
            for (String claim : IDENTITY_CLAIMS) {
                Object value = jwt.getClaim(claim);
                if (value != null && !(value instanceof String) && !(value instanceof JsonString)) {
                    throw new ProblemException(Problems.of(ProblemCode.UNAUTHORIZED,
                            "The token's claim " + claim + " must be a string."), Map.of("WWW-Authenticate", "Bearer"), null);
                }
                String text = value instanceof JsonString json ? json.getString() : (String) value;
                if (ControlCharacters.in(text)) {
                    throw refused("token claim " + claim);
                }
            }
        }
    }

    private static void refuseControls(MultivaluedMap<String, String> values) {
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            if (ControlCharacters.in(entry.getKey())) {
                throw refused(ControlCharacters.escaped(entry.getKey()));
            }
            for (String value : entry.getValue()) {
                if (ControlCharacters.in(value)) {
                    throw refused(entry.getKey());
                }
            }
        }
    }

    private static ProblemException refused(String field) {
        return new ProblemException(Problems.invalidField(field, "must not contain control characters"));
    }
}
