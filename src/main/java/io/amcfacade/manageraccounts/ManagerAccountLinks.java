package io.amcfacade.manageraccounts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.api.model.ManagerAccountLinkResult;
import io.amcfacade.api.model.ManagerAccountLinksResult;
import io.amcfacade.audit.AuditSummaries;
import io.amcfacade.audit.AuditTargetEntry;
import io.amcfacade.audit.AuditTrail;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.upstream.AmcManagerAccountWire.LinkResult;
import io.amcfacade.upstream.AmcManagerAccountWire.LinkedAccount;
import io.amcfacade.upstream.AmcManagerAccountsClient;

/**
 * Linking accounts to a manager account, or unlinking them: the manager account read on its own region's host, the
 * accounts already as asked left out ({@link LinkPlan}), the intent recorded with every account, one upstream call to
 * that host, and a result per account in the answer and in the trail.
 */
@ApplicationScoped
public class ManagerAccountLinks {

    private final ManagerAccountDirectory directory;
    private final AmcManagerAccountsClient amc;
    private final AuditTrail audit;

    @Inject
    public ManagerAccountLinks(ManagerAccountDirectory directory, AmcManagerAccountsClient amc, AuditTrail audit) {
        this.directory = directory;
        this.amc = amc;
        this.audit = audit;
    }

    public ManagerAccountLinksResult change(String managerAccountId, List<String> accountIds, LinkPlan.Direction direction) {
        LinkPlan.validate(accountIds);
        ManagerAccountDirectory.Found found = directory.find(managerAccountId);
        Set<String> linked = found.managerAccount().linkedAccounts().stream().map(LinkedAccount::accountId)
                .collect(Collectors.toSet());
        List<String> sent = LinkPlan.toSend(accountIds, linked, direction);
        audit.intend(accountIds.stream().map(AuditTargetEntry::account).toList(),
                summary(found, accountIds, sent, direction));

        LinkResult answer = null;
        if (!sent.isEmpty()) {
            try {
                answer = direction == LinkPlan.Direction.LINK
                        ? amc.link(found.region(), managerAccountId, sent)
                        : amc.unlink(found.region(), managerAccountId, sent);
            } catch (ProblemException failure) {
                audit.report(LinkPlan.recordedAfter(failure, accountIds, sent), AuditOutcome.FAILED);
                throw failure;
            }
        }
        List<ManagerAccountLinkResult> results = LinkPlan.results(accountIds, sent, answer, direction);
        int succeeded = (int) results.stream().filter(LinkPlan::succeeded).count();
        audit.report(LinkPlan.recorded(results, direction), succeeded == results.size() ? AuditOutcome.SUCCEEDED
                : succeeded == 0 ? AuditOutcome.FAILED : AuditOutcome.PARTIAL);
        return new ManagerAccountLinksResult(managerAccountId, ManagerAccountMapper.region(found.region()), succeeded,
                results.size() - succeeded, results);
    }

    private static String summary(ManagerAccountDirectory.Found found, List<String> accountIds, List<String> sent,
            LinkPlan.Direction direction) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("managerAccountId", found.managerAccount().managerAccountId());
        summary.put("managerAccountName", found.managerAccount().managerAccountName());
        summary.put("region", found.region().id());
        summary.put("direction", direction.name().toLowerCase(java.util.Locale.ROOT));
        summary.put("accountIds", accountIds);
        summary.put("sent", sent);
        return AuditSummaries.of(summary);
    }
}
