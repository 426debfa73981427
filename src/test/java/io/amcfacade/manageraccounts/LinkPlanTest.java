package io.amcfacade.manageraccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.amcfacade.api.model.ManagerAccountLinkResult;
import io.amcfacade.api.model.ManagerAccountLinkStatus;
import io.amcfacade.audit.AuditTargetEntry;
import io.amcfacade.audit.TargetResult;
import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.upstream.AmcManagerAccountWire.AccountToUpdate;
import io.amcfacade.upstream.AmcManagerAccountWire.ErrorDetail;
import io.amcfacade.upstream.AmcManagerAccountWire.Failure;
import io.amcfacade.upstream.AmcManagerAccountWire.LinkResult;

/** How a link's or unlink's accounts come to their results, each edge without a server. */
class LinkPlanTest {

    @Test
    void onlyAccountsNotAlreadyAsAskedAreSent() {
        assertThat(LinkPlan.toSend(List.of("A", "B", "C"), Set.of("B"), LinkPlan.Direction.LINK)).containsExactly("A", "C");
        assertThat(LinkPlan.toSend(List.of("A", "B", "C"), Set.of("B"), LinkPlan.Direction.UNLINK)).containsExactly("B");
    }

    @Test
    void aRepeatedAccountIsRefusedNamingItsPlace() {
        assertThatThrownBy(() -> LinkPlan.validate(List.of("A", "B", "A"))).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().getErrors().get(0).getField()).isEqualTo("accountIds[2]"));
    }

    @Test
    void eachAccountGetsAmazonsResultAnAccountItDoesNotNameIsUnknown() {
        LinkResult answer = new LinkResult(List.of(AccountToUpdate.account("A")),
                List.of(new Failure(AccountToUpdate.account("C"), new ErrorDetail("BAD_REQUEST", "No account C here"))));

        List<ManagerAccountLinkResult> results = LinkPlan.results(List.of("A", "B", "C", "D"), List.of("A", "C", "D"),
                answer, LinkPlan.Direction.LINK);

        assertThat(results).extracting(ManagerAccountLinkResult::getAccountId, ManagerAccountLinkResult::getStatus)
                .containsExactly(tuple("A", ManagerAccountLinkStatus.LINKED),
                        tuple("B", ManagerAccountLinkStatus.ALREADY_LINKED), tuple("C", ManagerAccountLinkStatus.FAILED),
                        tuple("D", ManagerAccountLinkStatus.UNKNOWN));
        assertThat(results.get(2).getError().getCode()).isEqualTo("BAD_REQUEST");
        assertThat(results.get(2).getError().getMessage()).isEqualTo("No account C here");
        assertThat(results).filteredOn(LinkPlan::succeeded).hasSize(2);
        assertThat(LinkPlan.recorded(results, LinkPlan.Direction.LINK)).extracting(AuditTargetEntry::id,
                AuditTargetEntry::outcome, AuditTargetEntry::errorCode).containsExactly(
                        tuple("A", TargetResult.CREATED, null), tuple("B", TargetResult.UNCHANGED, null),
                        tuple("C", TargetResult.FAILED, "BAD_REQUEST"),
                        tuple("D", TargetResult.UNKNOWN, "UPSTREAM_OUTCOME_UNKNOWN"));
    }

    @Test
    void anUnlinkRecordsRemovedAndNotLinked() {
        List<ManagerAccountLinkResult> results = LinkPlan.results(List.of("A", "B"), List.of("A"),
                new LinkResult(List.of(AccountToUpdate.account("A")), List.of()), LinkPlan.Direction.UNLINK);

        assertThat(results).extracting(ManagerAccountLinkResult::getStatus)
                .containsExactly(ManagerAccountLinkStatus.UNLINKED, ManagerAccountLinkStatus.NOT_LINKED);
        assertThat(LinkPlan.recorded(results, LinkPlan.Direction.UNLINK)).extracting(AuditTargetEntry::outcome)
                .containsExactly(TargetResult.REMOVED, TargetResult.UNCHANGED);
    }

    @Test
    void aWholeCallThatMayHaveActedLeavesItsAccountsUnknownARefusalFailsThem() {
        ProblemException lost = new ProblemException(Problems.of(ProblemCode.UPSTREAM_OUTCOME_UNKNOWN, "5xx"));
        ProblemException denied = new ProblemException(Problems.of(ProblemCode.AMC_ACCESS_DENIED, "no access"));

        assertThat(LinkPlan.recordedAfter(lost, List.of("A", "B"), List.of("A"))).extracting(AuditTargetEntry::outcome,
                AuditTargetEntry::errorCode).containsExactly(tuple(TargetResult.UNKNOWN, "UPSTREAM_OUTCOME_UNKNOWN"),
                        tuple(TargetResult.UNCHANGED, null));
        assertThat(LinkPlan.recordedAfter(denied, List.of("A"), List.of("A"))).extracting(AuditTargetEntry::outcome)
                .containsExactly(TargetResult.FAILED);
    }
}
