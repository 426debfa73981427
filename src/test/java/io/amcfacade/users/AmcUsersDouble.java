package io.amcfacade.users;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.amcfacade.problem.ProblemException;
import io.amcfacade.upstream.AmcUserWire;
import io.amcfacade.upstream.AmcUsersClient;

/**
 * AMC's users of one account and the facade's directory over them, for plain unit tests of the users
 * feature's rules: users and roles set by the test, every change AMC is asked for recorded, and AMC's
 * answers (refusals inside a 200, a failed call) chosen by the test.
 */
final class AmcUsersDouble {

    final Map<String, DirectoryUser> users = new LinkedHashMap<>();
    final List<List<AmcUserWire.UserPermission>> roleChanges = new ArrayList<>();
    final List<List<String>> removals = new ArrayList<>();
    final List<AmcUserWire.ItemError> refusals = new ArrayList<>();
    ProblemException removalFailure;

    final AmcUsersClient amc = new AmcUsersClient() {
        @Override
        public AmcUserWire.PermissionsResult setRoles(String accountId, List<AmcUserWire.UserPermission> permissions) {
            roleChanges.add(permissions);
            return answer(permissions.stream().map(AmcUserWire.UserPermission::userId).toList());
        }

        @Override
        public AmcUserWire.PermissionsResult remove(String accountId, List<String> userIds) {
            removals.add(userIds);
            if (removalFailure != null) {
                throw removalFailure;
            }
            return answer(userIds);
        }
    };

    final UserDirectory directory = new UserDirectory() {
        @Override
        Map<String, DirectoryUser> find(String accountId, Set<String> userIds) {
            Map<String, DirectoryUser> found = new LinkedHashMap<>();
            userIds.stream().filter(users::containsKey).forEach(id -> found.put(id, users.get(id)));
            return found;
        }

        @Override
        boolean hasAdminBesides(String accountId, Set<String> excluded) {
            return users.values().stream().anyMatch(u -> u.isAdmin() && !excluded.contains(u.userId()));
        }
    };

    AmcUsersDouble with(String userId, String role) {
        users.put(userId, new DirectoryUser(userId, userId + "@example.com", List.of(), role));
        return this;
    }

    /** AMC refuses this user's change inside its 200 answer, with its own error code. */
    AmcUsersDouble refusing(String userId, String amcCode) {
        refusals.add(new AmcUserWire.ItemError(userId, amcCode, "refused by AMC"));
        return this;
    }

    /** Whether AMC was asked to change anything at all. */
    boolean amcWasAsked() {
        return !roleChanges.isEmpty() || !removals.isEmpty();
    }

    private AmcUserWire.PermissionsResult answer(List<String> userIds) {
        List<AmcUserWire.ItemError> errors = refusals.stream().filter(e -> userIds.contains(e.userId())).toList();
        List<AmcUserWire.UserRef> successes = userIds.stream()
                .filter(id -> errors.stream().noneMatch(e -> id.equals(e.userId())))
                .map(AmcUserWire.UserRef::new).toList();
        return new AmcUserWire.PermissionsResult(successes, errors);
    }
}
