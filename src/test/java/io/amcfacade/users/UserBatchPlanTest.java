package io.amcfacade.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.amcfacade.api.model.Role;
import io.amcfacade.api.model.UserChange;
import io.amcfacade.api.model.UserChangeAction;

/** The order rules of a user batch, decided before anything is sent. */
class UserBatchPlanTest {

    private static final DirectoryUser ALICE = new DirectoryUser("alice", "alice@example.com", null, "admin");
    private static final DirectoryUser BOB = new DirectoryUser("bob", "bob@example.com", null, "viewer");
    private static final Map<String, DirectoryUser> USERS = Map.of("alice", ALICE, "bob", BOB);

    @Test
    void theOnlyAdminCannotBeRemovedBeforeSomeoneElseIsMadeAdmin() {
        List<UserBatchPlan.Step> steps = UserBatchPlan.plan("A", List.of(remove("alice"), promote("bob")), USERS, false);

        assertThat(steps).extracting(UserBatchPlan.Step::decision)
                .containsExactly(UserBatchPlan.Decision.REFUSED, UserBatchPlan.Decision.SEND);
        assertThat(steps.get(0).error().getCode()).isEqualTo("LAST_ADMIN");
    }

    @Test
    void theOnlyAdminCanBeRemovedAfterSomeoneElseIsMadeAdmin() {
        assertThat(UserBatchPlan.plan("A", List.of(promote("bob"), remove("alice")), USERS, false))
                .extracting(UserBatchPlan.Step::decision)
                .containsExactly(UserBatchPlan.Decision.SEND, UserBatchPlan.Decision.SEND);
    }

    @Test
    void anAdminOutsideTheBatchLetsEveryAdminInItGo() {
        assertThat(UserBatchPlan.plan("A", List.of(remove("alice")), USERS, true))
                .extracting(UserBatchPlan.Step::decision).containsExactly(UserBatchPlan.Decision.SEND);
    }

    @Test
    void unknownUsersAndRolesAlreadyHeldAreDecidedWithoutAmc() {
        List<UserBatchPlan.Step> steps = UserBatchPlan.plan("A",
                List.of(promote("carol"), new UserChange("bob", UserChangeAction.SET_ROLE).role(Role.VIEWER)), USERS, false);

        assertThat(steps).extracting(UserBatchPlan.Step::decision)
                .containsExactly(UserBatchPlan.Decision.REFUSED, UserBatchPlan.Decision.UNCHANGED);
        assertThat(steps.get(0).error().getCode()).isEqualTo("USER_NOT_FOUND");
    }

    @Test
    void onlyTakingAdminAwayNeedsTheOtherAdminsCounted() {
        assertThat(UserBatchPlan.weakensAnAdmin(List.of(promote("bob"), promote("alice")), USERS)).isFalse();
        assertThat(UserBatchPlan.weakensAnAdmin(List.of(remove("bob")), USERS)).isFalse();
        assertThat(UserBatchPlan.weakensAnAdmin(List.of(remove("alice")), USERS)).isTrue();
    }

    private static UserChange promote(String userId) {
        return new UserChange(userId, UserChangeAction.SET_ROLE).role(Role.ADMIN);
    }

    private static UserChange remove(String userId) {
        return new UserChange(userId, UserChangeAction.REMOVE);
    }
}
