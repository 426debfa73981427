package io.amcfacade.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.api.model.Role;
import io.amcfacade.api.model.UpdateUsersRequest;
import io.amcfacade.api.model.UpdateUsersResult;
import io.amcfacade.api.model.UserChange;
import io.amcfacade.api.model.UserChangeAction;
import io.amcfacade.api.model.UserChangeResult;
import io.amcfacade.api.model.UserChangeStatus;
import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.support.RecordedAudit;

/**
 * How a user batch's plan and AMC's answers become one result per user, without the application
 * (UserBatchPlanTest covers the plan alone, UsersBatchTest the same end to end).
 */
class UserBatchesTest {

    private static final String ACCOUNT = "ENTITY1UNIT";

    private final AmcUsersDouble amc = new AmcUsersDouble().with("alice", "admin").with("bob", "viewer")
            .with("carol", "viewer");
    private final RecordedAudit audit = new RecordedAudit();
    private final UserBatches batches = new UserBatches(amc.directory, amc.amc, audit);

    @Test
    void removingTheOnlyAdminIsRefusedForThatUserAloneAndNeverSent() {
        UpdateUsersResult result = batches.update(ACCOUNT, request(remove("alice"), setRole("bob", Role.VIEWER),
                remove("carol")));

        assertThat(result.getResults()).extracting(UserChangeResult::getStatus)
                .containsExactly(UserChangeStatus.FAILED, UserChangeStatus.UNCHANGED, UserChangeStatus.REMOVED);
        assertThat(result.getResults().get(0).getError().getCode()).isEqualTo("LAST_ADMIN");
        assertThat(amc.removals).containsExactly(List.of("carol"));
        assertThat(amc.roleChanges).as("bob's role is already viewer").isEmpty();
        assertThat(audit.report().outcome()).isEqualTo(AuditOutcome.PARTIAL);
    }

    @Test
    void roleChangesAreSentBeforeRemovalsSoANewAdminLetsTheOldOneGo() {
        UpdateUsersResult result = batches.update(ACCOUNT, request(setRole("bob", Role.ADMIN), remove("alice")));

        assertThat(result.getSucceeded()).isEqualTo(2);
        assertThat(amc.roleChanges).singleElement().satisfies(sent -> assertThat(sent).singleElement()
                .satisfies(p -> assertThat(p.userId()).isEqualTo("bob")));
        assertThat(amc.removals).containsExactly(List.of("alice"));
        assertThat(audit.report().outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
    }

    @Test
    void amcRefusingOneUserFailsThatUserAndKeepsTheirRole() {
        amc.refusing("bob", "INVALID_ROLE");

        UpdateUsersResult result = batches.update(ACCOUNT, request(setRole("bob", Role.ADMIN), setRole("carol", Role.ADMIN)));

        UserChangeResult bob = result.getResults().get(0);
        assertThat(bob.getStatus()).isEqualTo(UserChangeStatus.FAILED);
        assertThat(bob.getError().getCode()).isEqualTo("INVALID_ROLE");
        assertThat(bob.getRole()).as("the role bob still has").isEqualTo("viewer");
        assertThat(result.getResults().get(1).getStatus()).isEqualTo(UserChangeStatus.UPDATED);
        assertThat(audit.report().outcome()).isEqualTo(AuditOutcome.PARTIAL);
    }

    @Test
    void aFailedRemovalCallFailsEveryRemovalButNotTheRoleChangesBeforeIt() {
        amc.removalFailure = new ProblemException(Problems.of(ProblemCode.UPSTREAM_UNAVAILABLE, "AMC answered 503"));

        UpdateUsersResult result = batches.update(ACCOUNT, request(setRole("bob", Role.ADMIN), remove("carol"),
                remove("alice")));

        assertThat(result.getResults()).extracting(UserChangeResult::getStatus)
                .containsExactly(UserChangeStatus.UPDATED, UserChangeStatus.FAILED, UserChangeStatus.FAILED);
        assertThat(result.getResults().get(2).getError().getCode()).isEqualTo("UPSTREAM_UNAVAILABLE");
        assertThat(audit.report().outcome()).isEqualTo(AuditOutcome.PARTIAL);
    }

    @Test
    void nothingDoneIsAFailedAction() {
        UpdateUsersResult result = batches.update(ACCOUNT, request(remove("nobody")));

        assertThat(result.getFailed()).isEqualTo(1);
        assertThat(result.getResults().get(0).getError().getCode()).isEqualTo("USER_NOT_FOUND");
        assertThat(amc.amcWasAsked()).isFalse();
        assertThat(audit.report().outcome()).isEqualTo(AuditOutcome.FAILED);
    }

    private static UpdateUsersRequest request(UserChange... changes) {
        return new UpdateUsersRequest(List.of(changes));
    }

    private static UserChange setRole(String userId, Role role) {
        return new UserChange(userId, UserChangeAction.SET_ROLE).role(role);
    }

    private static UserChange remove(String userId) {
        return new UserChange(userId, UserChangeAction.REMOVE);
    }
}
