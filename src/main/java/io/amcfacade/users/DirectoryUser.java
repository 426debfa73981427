package io.amcfacade.users;

import java.util.List;

/**
 * A user of an AMC account as the facade knows it after asking AMC: the role is already the facade's
 * ({@code admin}, {@code viewer}, or AMC's own spelling of another role; {@code null} for none).
 */
record DirectoryUser(String userId, String emailAddress, List<String> countryCodes, String role) {

    static final String ADMIN = "admin";

    boolean isAdmin() {
        return ADMIN.equals(role);
    }
}
