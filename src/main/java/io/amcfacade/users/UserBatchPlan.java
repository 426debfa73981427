package io.amcfacade.users;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.amcfacade.api.model.ItemError;
import io.amcfacade.api.model.UserChange;
import io.amcfacade.api.model.UserChangeAction;
import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;

/**
 * Decides, before anything is sent, what each change of a user batch comes to: refused now (no such
 * user, or it would leave the account without an admin), a no-op, or a change to send. Changes are
 * replayed in request order against the admins the facade knows of, so "make carol an admin, then
 * remove alice" passes where the reverse order is refused for alice. Sending all role changes before
 * all removals keeps that promise: the account then has at least the admins of the replay at every step.
 */
final class UserBatchPlan {

    /** One change with its user (null if the account has none) and, when decided here, its outcome. */
    record Step(UserChange change, DirectoryUser user, String toRole, Decision decision, ItemError error) {

        boolean isRemoval() {
            return change.getAction() == UserChangeAction.REMOVE;
        }
    }

    enum Decision { SEND, UNCHANGED, REFUSED }

    private UserBatchPlan() {
    }

    /** Whole-batch rules, a 400 naming the field before anything is read or recorded. */
    static void validate(List<UserChange> changes) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            UserChange change = changes.get(i);
            Integer earlier = first.putIfAbsent(change.getUserId(), i);
            if (earlier != null) {
                throw invalid("changes[" + i + "].userId",
                        "duplicates changes[" + earlier + "].userId; each user may appear once per batch");
            }
            if (change.getAction() == UserChangeAction.SET_ROLE && change.getRole() == null) {
                throw invalid("changes[" + i + "].role", "is required for action setRole");
            }
            if (change.getAction() == UserChangeAction.REMOVE && change.getRole() != null) {
                throw invalid("changes[" + i + "].role", "must be absent for action remove");
            }
        }
    }

    /** Whether a change takes admin away from someone, the only case that needs the other admins counted. */
    static boolean weakensAnAdmin(List<UserChange> changes, Map<String, DirectoryUser> users) {
        return changes.stream().anyMatch(c -> users.containsKey(c.getUserId()) && users.get(c.getUserId()).isAdmin()
                && !DirectoryUser.ADMIN.equals(toRole(c)));
    }

    /**
     * @param othersHaveAdmin whether a user outside the batch is an admin (then no change can take the last)
     */
    static List<Step> plan(String accountId, List<UserChange> changes, Map<String, DirectoryUser> users,
            boolean othersHaveAdmin) {
        Set<String> admins = new LinkedHashSet<>();
        users.values().stream().filter(DirectoryUser::isAdmin).forEach(u -> admins.add(u.userId()));
        List<Step> steps = new ArrayList<>();
        for (UserChange change : changes) {
            DirectoryUser user = users.get(change.getUserId());
            String to = toRole(change);
            if (user == null) {
                steps.add(new Step(change, null, to, Decision.REFUSED, new ItemError(ProblemCode.USER_NOT_FOUND.name(),
                        "Account " + accountId + " has no user " + change.getUserId() + ".")));
            } else if (to != null && to.equals(user.role())) {
                steps.add(new Step(change, user, to, Decision.UNCHANGED, null));
            } else if (user.isAdmin() && !DirectoryUser.ADMIN.equals(to) && !othersHaveAdmin && admins.size() == 1) {
                steps.add(new Step(change, user, to, Decision.REFUSED, new ItemError(ProblemCode.LAST_ADMIN.name(),
                        "This change would leave account " + accountId + " without an admin.")));
            } else {
                if (DirectoryUser.ADMIN.equals(to)) {
                    admins.add(user.userId());
                } else {
                    admins.remove(user.userId());
                }
                steps.add(new Step(change, user, to, Decision.SEND, null));
            }
        }
        return steps;
    }

    /** The role a change gives, {@code null} for a removal. */
    static String toRole(UserChange change) {
        return change.getAction() == UserChangeAction.SET_ROLE ? change.getRole().toString() : null;
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(Problems.invalidField(field, message));
    }
}
