package io.amcfacade.sandbox.amc;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The users of one simulated account, oldest first, and AMC's rule that an account keeps at least one
 * admin. Not thread-safe: its {@link SandboxAccountState} calls it under the account's lock.
 */
final class SandboxUserRoster {

    static final String LAST_ADMIN = "LAST_ADMIN";
    static final String NOT_FOUND = "NOT_FOUND";

    private final List<SandboxUser> users = new ArrayList<>();

    SandboxUserRoster(List<SandboxUser> seed) {
        users.addAll(seed);
    }

    /** A removal: refused as a whole when it would take the last admin, otherwise per user. */
    record Removal(boolean refusedLastAdmin, List<SandboxUserWire.UserRef> removed,
            List<SandboxUserWire.ItemError> errors) {
    }

    List<SandboxUser> list() {
        return List.copyOf(users);
    }

    Optional<SandboxUser> withId(String userId) {
        return users.stream().filter(u -> u.userId().equals(userId)).findFirst();
    }

    Optional<SandboxUser> withEmail(String email) {
        return users.stream().filter(u -> u.emailAddress().equalsIgnoreCase(email)).findFirst();
    }

    void add(SandboxUser user) {
        users.add(user);
    }

    /** Gives the user {@code role} (upper case); demoting the only admin fails that item alone. */
    Optional<SandboxUserWire.ItemError> setRole(String userId, String role) {
        Optional<SandboxUser> user = withId(userId);
        if (user.isEmpty()) {
            return Optional.of(new SandboxUserWire.ItemError(userId, NOT_FOUND, "User not found"));
        }
        if (user.get().isAdmin() && !SandboxUser.ADMIN.equals(role) && admins() == 1) {
            return Optional.of(new SandboxUserWire.ItemError(userId, LAST_ADMIN,
                    "Cannot change the role of the last administrator of the account"));
        }
        users.set(users.indexOf(user.get()), user.get().withRole(role));
        return Optional.empty();
    }

    /** Removes the users; unknown ids fail alone, but a removal that leaves no admin is refused whole. */
    Removal remove(List<String> userIds) {
        Set<String> known = new LinkedHashSet<>();
        List<SandboxUserWire.ItemError> errors = new ArrayList<>();
        for (String userId : userIds) {
            if (withId(userId).isPresent()) {
                known.add(userId);
            } else {
                errors.add(new SandboxUserWire.ItemError(userId, NOT_FOUND, "User not found"));
            }
        }
        if (users.stream().noneMatch(u -> u.isAdmin() && !known.contains(u.userId()))) {
            return new Removal(true, List.of(), List.of());
        }
        users.removeIf(u -> known.contains(u.userId()));
        return new Removal(false, known.stream().map(SandboxUserWire.UserRef::new).toList(), errors);
    }

    private long admins() {
        return users.stream().filter(SandboxUser::isAdmin).count();
    }
}
