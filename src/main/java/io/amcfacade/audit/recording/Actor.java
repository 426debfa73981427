package io.amcfacade.audit.recording;

import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/** Who made a request, as the audit trail records it. */
public record Actor(String subject, String name, String[] roles) {

    public static final Actor ANONYMOUS = new Actor(null, null, new String[0]);

    public static Actor of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return ANONYMOUS;
        }
        String[] roles = identity.getRoles().stream().sorted().toArray(String[]::new);
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            String name = text(jwt.getClaim("preferred_username"));
            return new Actor(text(jwt.getClaim("sub")), name != null ? name : text(jwt.getClaim("upn")), roles);
        }
        return new Actor(identity.getPrincipal().getName(), null, roles);
    }

    /** A claim as text: a token whose claim is a number or an object is refused, but its refusal names what it said. */
    private static String text(Object claim) {
        if (claim == null) {
            return null;
        }
        return claim instanceof JsonString json ? json.getString() : claim.toString();
    }
}
