package io.amcfacade.audit;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/** Who made a request, as the audit trail records it. */
record Actor(String subject, String name, String[] roles) {

    static final Actor ANONYMOUS = new Actor(null, null, new String[0]);

    static Actor of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return ANONYMOUS;
        }
        String[] roles = identity.getRoles().stream().sorted().toArray(String[]::new);
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            String name = jwt.getClaim("preferred_username");
            return new Actor(jwt.getSubject(), name != null ? name : jwt.getClaim("upn"), roles);
        }
        return new Actor(identity.getPrincipal().getName(), null, roles);
    }
}
