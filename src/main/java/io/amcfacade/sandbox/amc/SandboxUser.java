package io.amcfacade.sandbox.amc;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A user of a simulated AMC account: {@code role} is their role grant, upper case as the
 * user-permissions API spells it, the one that counts for admin rules; {@code otherGrants} are further
 * entries AMC lists for them (custom permission sets, roles per country), listed before the role grant.
 */
record SandboxUser(String userId, String emailAddress, String role, @JsonIgnore List<SandboxUserWire.Role> otherGrants) {

    static final String ADMIN = "ADMIN";

    SandboxUser(String userId, String emailAddress, String role) {
        this(userId, emailAddress, role, List.of());
    }

    static SandboxUser create(String emailAddress, String role) {
        return create(emailAddress, role, List.of());
    }

    static SandboxUser create(String emailAddress, String role, List<SandboxUserWire.Role> otherGrants) {
        return new SandboxUser("amzn1.user." + UUID.randomUUID().toString().replace("-", ""), emailAddress, role,
                List.copyOf(otherGrants));
    }

    /** Every entry the role look-up lists, the role grant last. */
    List<SandboxUserWire.Role> grants() {
        List<SandboxUserWire.Role> grants = new ArrayList<>(otherGrants);
        grants.add(new SandboxUserWire.Role(role, "ROLE", List.of()));
        return grants;
    }

    boolean isAdmin() {
        return ADMIN.equals(role);
    }

    SandboxUser withRole(String newRole) {
        return new SandboxUser(userId, emailAddress, newRole, otherGrants);
    }
}
