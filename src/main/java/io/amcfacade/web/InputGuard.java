package io.amcfacade.web;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.config.inject.ConfigProperty;
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
 * identifying claims are not strings, that name no subject, or that say they were issued later than now plus
 * the stated clock skew ({@code smallrye.jwt.verify.clock-skew}, 60 s) (401). Without a subject a caller
 * would share one rate-limit bucket with every other such caller and be audited as no one; a future
 * {@code iat} is a clock or a forger the facade should not believe. It runs before the rate limit and the audit intent, whose
 * keys and records would otherwise carry those values into PostgreSQL; the refusal itself is audited
 * like every other, with the values escaped. Body strings are checked where they are read ({@code StrictJson}).
 */
public class InputGuard {

    /** The claims the audit trail and the rate limits read the caller's identity from. */
    static final List<String> IDENTITY_CLAIMS = List.of("sub", "preferred_username", "upn");

    @Inject
    SecurityIdentity identity;

    @ConfigProperty(name = "smallrye.jwt.verify.clock-skew", defaultValue = "60")
    int clockSkewSeconds;

    @ServerRequestFilter(priority = Priorities.USER - 200)
    public void guard(ResourceInfo resource, ContainerRequestContext request) {
        if (resource.getResourceMethod() == null || !request.getUriInfo().getPath().startsWith("/v1/")) {
            return;
        }
        refuseControls(request.getUriInfo().getPathParameters());
        refuseControls(request.getUriInfo().getQueryParameters());
        refuseControls(request.getHeaders());
        if (!identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object subject = jwt.getClaim("sub");
            if (subject == null || subject instanceof String text && text.isBlank()
                    || subject instanceof JsonString json && json.getString().isBlank()) {
                throw unauthorized("The token names no subject (sub); the facade records and limits every caller by it.");
            }
            Object issuedAt = jwt.getClaim("iat");
            long issuedAtSeconds = issuedAt instanceof Number number ? number.longValue()
                    : issuedAt instanceof JsonNumber json ? json.longValue() : 0;
            if (issuedAtSeconds > System.currentTimeMillis() / 1000 + clockSkewSeconds) {
                throw unauthorized("The token's iat lies in the future (more than " + clockSkewSeconds
                        + " s of clock skew ahead of the facade's clock).");
            }
            for (String claim : IDENTITY_CLAIMS) {
                Object value = jwt.getClaim(claim);
                if (value != null && !(value instanceof String) && !(value instanceof JsonString)) {
                    throw unauthorized("The token's claim " + claim + " must be a string.");
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

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(Problems.of(ProblemCode.UNAUTHORIZED, detail), Map.of("WWW-Authenticate", "Bearer"), null);
    }

    private static ProblemException refused(String field) {
        return new ProblemException(Problems.invalidField(field, "must not contain control characters"));
    }
}
