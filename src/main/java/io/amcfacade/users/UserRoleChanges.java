package io.amcfacade.users;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.api.model.ItemError;
import io.amcfacade.api.model.RemovedUser;
import io.amcfacade.api.model.Role;
import io.amcfacade.api.model.UserRoleChange;
import io.amcfacade.audit.AuditSummaries;
import io.amcfacade.audit.AuditTargetEntry;
import io.amcfacade.audit.AuditTrail;
import io.amcfacade.audit.TargetResult;
import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.upstream.AmcUserWire;
import io.amcfacade.upstream.AmcUsersClient;
import io.amcfacade.upstream.AmcVocabulary;

/**
 * Changes one user: a new role, or removal from the account. Each reads the user first (the audit
 * needs their email and current role), records the intent, and then refuses what must not reach AMC
 * (a no-op role change, losing the last admin) before asking AMC to change anything.
 */
@ApplicationScoped
public class UserRoleChanges {

    private final UserDirectory directory;
    private final AmcUsersClient amc;
    private final AuditTrail audit;

    /** Collaborators in the constructor, so the last-admin and no-op rules have plain unit tests. */
    @Inject
    public UserRoleChanges(UserDirectory directory, AmcUsersClient amc, AuditTrail audit) {
        this.directory = directory;
        this.amc = amc;
        this.audit = audit;
    }

    public UserRoleChange setRole(String accountId, String userId, Role role) {
        DirectoryUser user = directory.require(accountId, userId);
        String to = role.toString();
        audit.intend(UserMapper.emailTarget(user, to), AuditSummaries.of(UserMapper.summary(userId, user, to)));
        if (to.equals(user.role())) {
            audit.report(List.of(AuditTargetEntry.user(userId, to).withResult(TargetResult.UNCHANGED, null)),
                    AuditOutcome.SUCCEEDED);
            return UserMapper.roleChange(user, to, false);
        }
        if (user.isAdmin()) {
            refuseIfLastAdmin(accountId, user, "demoting");
        }
        failIfRefused(accountId, userId, amc.setRoles(accountId,
                List.of(AmcUserWire.UserPermission.role(userId, AmcVocabulary.userPermissionRole(to)))));
        audit.report(List.of(AuditTargetEntry.user(userId, to).withResult(TargetResult.UPDATED, null)), AuditOutcome.SUCCEEDED);
        return UserMapper.roleChange(user, to, true);
    }

    public RemovedUser remove(String accountId, String userId) {
        DirectoryUser user = directory.require(accountId, userId);
        audit.intend(UserMapper.emailTarget(user, null), AuditSummaries.of(UserMapper.summary(userId, user, null)));
        if (user.isAdmin()) {
            refuseIfLastAdmin(accountId, user, "removing");
        }
        failIfRefused(accountId, userId, amc.remove(accountId, List.of(userId)));
        audit.report(List.of(AuditTargetEntry.user(userId, null).withResult(TargetResult.REMOVED, null)),
                AuditOutcome.SUCCEEDED);
        return new RemovedUser(userId).emailAddress(user.emailAddress()).previousRole(user.role());
    }

    private void refuseIfLastAdmin(String accountId, DirectoryUser admin, String action) {
        if (!directory.hasAdminBesides(accountId, Set.of(admin.userId()))) {
            throw new ProblemException(Problems.of(ProblemCode.LAST_ADMIN, "User " + admin.userId()
                    + (admin.emailAddress() == null ? "" : " (" + admin.emailAddress() + ")")
                    + " is the only admin of account " + accountId + "; make another user an admin before "
                    + action + " them."));
        }
    }

    /** AMC answers a refused change inside a 200; the facade answers it as the error it is. */
    private static void failIfRefused(String accountId, String userId, AmcUserWire.PermissionsResult result) {
        for (AmcUserWire.ItemError refusal : result.errors()) {
            if (userId.equals(refusal.userId()) || refusal.userId() == null) {
                ItemError error = UserMapper.error(refusal);
                throw new ProblemException(switch (ProblemCode.find(error.getCode()).orElse(ProblemCode.UPSTREAM_REJECTED)) {
                    case USER_NOT_FOUND -> Problems.of(ProblemCode.USER_NOT_FOUND,
                            "Account " + accountId + " has no user " + userId + ".");
                    case LAST_ADMIN -> Problems.of(ProblemCode.LAST_ADMIN,
                            "AMC refused the change to " + userId + ": " + error.getMessage());
                    default -> Problems.of(ProblemCode.UPSTREAM_REJECTED,
                            "AMC refused to change user " + userId + ": " + error.getMessage());
                });
            }
        }
    }
}
