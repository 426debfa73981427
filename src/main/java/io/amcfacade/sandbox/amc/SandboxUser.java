package io.amcfacade.sandbox.amc;

import java.util.UUID;

/** A user of a simulated AMC account; {@code role} is upper case, as the user-permissions API spells it. */
record SandboxUser(String userId, String emailAddress, String role) {

    static final String ADMIN = "ADMIN";

    static SandboxUser create(String emailAddress, String role) {
        return new SandboxUser("amzn1.user." + UUID.randomUUID().toString().replace("-", ""), emailAddress, role);
    }

    boolean isAdmin() {
        return ADMIN.equals(role);
    }

    SandboxUser withRole(String newRole) {
        return new SandboxUser(userId, emailAddress, newRole);
    }
}
