package io.amcfacade.users;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.api.model.ItemError;
import io.amcfacade.api.model.UpdateUsersRequest;
import io.amcfacade.api.model.UpdateUsersResult;
import io.amcfacade.api.model.UserChange;
import io.amcfacade.api.model.UserChangeResult;
import io.amcfacade.api.model.UserChangeStatus;
import io.amcfacade.audit.AuditSummaries;
import io.amcfacade.audit.AuditTargetEntry;
import io.amcfacade.audit.AuditTrail;
import io.amcfacade.audit.TargetResult;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.upstream.AmcUserWire;
import io.amcfacade.upstream.AmcUsersClient;
import io.amcfacade.upstream.AmcVocabulary;

/**
 * Role changes and removals for several users: planned as a whole ({@link UserBatchPlan}), recorded,
 * then sent as one AMC role change and one removal, with a result per user.
 */
@ApplicationScoped
public class UserBatches {

    private final UserDirectory directory;
    private final AmcUsersClient amc;
    private final AuditTrail audit;

    /** Collaborators in the constructor, so how AMC's answers become results has plain unit tests. */
    @Inject
    public UserBatches(UserDirectory directory, AmcUsersClient amc, AuditTrail audit) {
        this.directory = directory;
        this.amc = amc;
        this.audit = audit;
    }

    public UpdateUsersResult update(String accountId, UpdateUsersRequest request) {
        List<UserChange> changes = request.getChanges();
        UserBatchPlan.validate(changes);
        Set<String> ids = changes.stream().map(UserChange::getUserId).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, DirectoryUser> users = directory.find(accountId, ids);
        boolean othersHaveAdmin = UserBatchPlan.weakensAnAdmin(changes, users) && directory.hasAdminBesides(accountId, ids);
        List<UserBatchPlan.Step> steps = UserBatchPlan.plan(accountId, changes, users, othersHaveAdmin);
        audit.intend(intendedTargets(steps), summary(steps));

        Map<String, ItemError> refused = send(accountId, steps);
        List<UserChangeResult> results = steps.stream().map(s -> result(s, refused.get(s.change().getUserId()))).toList();
        int succeeded = (int) results.stream().filter(r -> r.getStatus() != UserChangeStatus.FAILED).count();
        audit.report(reportedTargets(steps, results), succeeded == results.size() ? AuditOutcome.SUCCEEDED
                : succeeded == 0 ? AuditOutcome.FAILED : AuditOutcome.PARTIAL);
        return new UpdateUsersResult(succeeded, results.size() - succeeded, results);
    }

    /** One AMC role change for all role changes, then one removal; answers AMC's refusals by user id. */
    private Map<String, ItemError> send(String accountId, List<UserBatchPlan.Step> steps) {
        Map<String, ItemError> refused = new HashMap<>();
        List<UserBatchPlan.Step> roleChanges = sent(steps, false);
        if (!roleChanges.isEmpty()) {
            refused.putAll(errorsById(amc.setRoles(accountId, roleChanges.stream()
                    .map(s -> AmcUserWire.UserPermission.role(s.change().getUserId(),
                            AmcVocabulary.userPermissionRole(s.toRole())))
                    .toList())));
        }
        List<UserBatchPlan.Step> removals = sent(steps, true);
        if (!removals.isEmpty()) {
            refused.putAll(removalErrors(accountId, removals));
        }
        return refused;
    }

    /** A failed removal call fails every removal in it; the role changes before it stay reported as they went. */
    private Map<String, ItemError> removalErrors(String accountId, List<UserBatchPlan.Step> removals) {
        List<String> ids = removals.stream().map(s -> s.change().getUserId()).toList();
        try {
            return errorsById(amc.remove(accountId, ids));
        } catch (ProblemException e) {
            ItemError error = new ItemError(e.problem().getCode(), e.problem().getDetail());
            return ids.stream().collect(Collectors.toMap(Function.identity(), id -> error));
        }
    }

    private static UserChangeResult result(UserBatchPlan.Step step, ItemError amcError) {
        ItemError error = step.error() != null ? step.error() : amcError;
        UserChangeStatus status = error != null ? UserChangeStatus.FAILED
                : step.decision() == UserBatchPlan.Decision.UNCHANGED ? UserChangeStatus.UNCHANGED
                : step.isRemoval() ? UserChangeStatus.REMOVED : UserChangeStatus.UPDATED;
        DirectoryUser user = step.user();
        String roleAfter = status == UserChangeStatus.REMOVED ? null
                : status == UserChangeStatus.FAILED ? (user == null ? null : user.role()) : step.toRole();
        return new UserChangeResult(step.change().getUserId(), step.change().getAction(), status)
                .emailAddress(user == null ? null : user.emailAddress())
                .previousRole(user == null ? null : user.role())
                .role(roleAfter)
                .error(error);
    }

    private static List<UserBatchPlan.Step> sent(List<UserBatchPlan.Step> steps, boolean removals) {
        return steps.stream().filter(s -> s.decision() == UserBatchPlan.Decision.SEND && s.isRemoval() == removals)
                .toList();
    }

    private static Map<String, ItemError> errorsById(AmcUserWire.PermissionsResult result) {
        return result.errors().stream().filter(e -> e.userId() != null)
                .collect(Collectors.toMap(AmcUserWire.ItemError::userId, UserMapper::error, (first, again) -> first));
    }

    private static String summary(List<UserBatchPlan.Step> steps) {
        return AuditSummaries.of(Map.of("changes", steps.stream().map(s -> {
            Map<String, Object> item = UserMapper.summary(s.change().getUserId(), s.user(), s.toRole());
            item.put("action", s.change().getAction().toString());
            return item;
        }).toList()));
    }

    private static List<AuditTargetEntry> intendedTargets(List<UserBatchPlan.Step> steps) {
        List<AuditTargetEntry> targets = new ArrayList<>();
        for (UserBatchPlan.Step step : steps) {
            targets.add(AuditTargetEntry.user(step.change().getUserId(), step.toRole()));
            targets.addAll(UserMapper.emailTarget(step.user(), step.toRole()));
        }
        return targets;
    }

    private static List<AuditTargetEntry> reportedTargets(List<UserBatchPlan.Step> steps, List<UserChangeResult> results) {
        List<AuditTargetEntry> targets = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            UserChangeResult result = results.get(i);
            String code = result.getError() == null ? null : result.getError().getCode();
            targets.add(AuditTargetEntry.user(result.getUserId(), steps.get(i).toRole())
                    .withResult(recorded(result.getStatus()), code));
            UserMapper.emailTarget(steps.get(i).user(), steps.get(i).toRole())
                    .forEach(t -> targets.add(t.withResult(recorded(result.getStatus()), code)));
        }
        return targets;
    }

    private static TargetResult recorded(UserChangeStatus status) {
        return switch (status) {
            case UPDATED -> TargetResult.UPDATED;
            case UNCHANGED -> TargetResult.UNCHANGED;
            case REMOVED -> TargetResult.REMOVED;
            case FAILED -> TargetResult.FAILED;
        };
    }
}
