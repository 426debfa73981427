package io.amcfacade.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.api.model.Role;
import io.amcfacade.api.model.UserRoleChange;
import io.amcfacade.audit.AuditTargetEntry;
import io.amcfacade.audit.TargetResult;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.support.RecordedAudit;

/**
 * The rules of changing one user, without the application: the last admin stays, a role the user already
 * has is not sent, and AMC's refusal inside a 200 is the error it is. UsersLifecycleTest shows the same
 * end to end.
 */
class UserRoleChangesTest {

    private static final String ACCOUNT = "ENTITY1UNIT";

    private final AmcUsersDouble amc = new AmcUsersDouble();
    private final RecordedAudit audit = new RecordedAudit();
    private final UserRoleChanges changes = new UserRoleChanges(amc.directory, amc.amc, audit);

    @Test
    void theOnlyAdminCannotBeDemotedAndAmcIsNotAsked() {
        amc.with("alice", "admin").with("bob", "viewer");

        assertThatThrownBy(() -> changes.setRole(ACCOUNT, "alice", Role.VIEWER))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().getCode()).isEqualTo("LAST_ADMIN");
                    assertThat(e.problem().getDetail()).contains("alice@example.com").contains("demoting");
                });
        assertThat(amc.amcWasAsked()).isFalse();
        assertThat(audit.intents()).as("the intent is recorded before the refusal").hasSize(1);
    }

    @Test
    void theOnlyAdminCannotBeRemovedAndAmcIsNotAsked() {
        amc.with("alice", "admin");

        assertThatThrownBy(() -> changes.remove(ACCOUNT, "alice"))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().getCode()).isEqualTo("LAST_ADMIN"));
        assertThat(amc.amcWasAsked()).isFalse();
    }

    @Test
    void anAdminBesidesLetsTheDemotionThrough() {
        amc.with("alice", "admin").with("carol", "admin");

        UserRoleChange change = changes.setRole(ACCOUNT, "alice", Role.VIEWER);

        assertThat(change.getChanged()).isTrue();
        assertThat(change.getPreviousRole()).isEqualTo("admin");
        assertThat(amc.roleChanges).singleElement().satisfies(sent -> assertThat(sent).singleElement()
                .satisfies(p -> assertThat(p.userId()).isEqualTo("alice")));
        assertThat(audit.report().outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(audit.report().results()).extracting(AuditTargetEntry::outcome).containsExactly(TargetResult.UPDATED);
    }

    @Test
    void aRoleTheUserAlreadyHasIsANoOpNotSentToAmc() {
        amc.with("alice", "admin").with("bob", "viewer");

        UserRoleChange viewer = changes.setRole(ACCOUNT, "bob", Role.VIEWER);

        assertThat(viewer.getChanged()).isFalse();
        assertThat(viewer.getRole()).isEqualTo("viewer");
        assertThat(amc.amcWasAsked()).isFalse();
        assertThat(audit.report().outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(audit.report().results()).extracting(AuditTargetEntry::outcome).containsExactly(TargetResult.UNCHANGED);
    }

    @Test
    void theOnlyAdminKeepingAdminIsANoOpRatherThanALastAdminRefusal() {
        amc.with("alice", "admin");

        assertThat(changes.setRole(ACCOUNT, "alice", Role.ADMIN).getChanged()).isFalse();
        assertThat(amc.amcWasAsked()).isFalse();
    }

    @Test
    void amcsRefusalInsideA200IsAnsweredAsTheErrorItIs() {
        amc.with("alice", "admin").with("carol", "admin").refusing("alice", "CANNOT_REMOVE_LAST_ADMIN");

        assertThatThrownBy(() -> changes.remove(ACCOUNT, "alice"))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().getCode()).isEqualTo("LAST_ADMIN"));
        assertThat(amc.removals).containsExactly(List.of("alice"));
        assertThat(audit.report()).as("nothing is reported as done").isNull();
    }

    @Test
    void anUnknownUserIsNotFoundBeforeAnythingIsRecorded() {
        amc.with("alice", "admin");

        assertThatThrownBy(() -> changes.setRole(ACCOUNT, "nobody", Role.VIEWER))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().getCode()).isEqualTo("USER_NOT_FOUND"));
        assertThat(audit.intents()).isEmpty();
        assertThat(amc.amcWasAsked()).isFalse();
    }
}
