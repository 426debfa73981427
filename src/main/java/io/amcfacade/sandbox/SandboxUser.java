package io.amcfacade.sandbox;

import java.util.UUID;

/** A user of a simulated AMC account; {@code role} is upper case, as the user-permissions API spells it. */
record SandboxUser(String userId, String emailAddress, String role) {

    static SandboxUser create(String emailAddress, String role) {
        return new SandboxUser("amzn1.user." + UUID.randomUUID().toString().replace("-", ""), emailAddress, role);
    }
}
