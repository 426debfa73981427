package io.amcfacade.security;

import java.util.Set;

/** The caller roles, as they appear in the JWT {@code groups} claim. */
public final class Roles {

    public static final String ADMIN = "amc-admin";
    public static final String VIEWER = "amc-viewer";
    public static final String AUDITOR = "auditor";
    public static final Set<String> ALL = Set.of(ADMIN, VIEWER, AUDITOR);

    private Roles() {
    }
}
