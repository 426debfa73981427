package io.amcfacade.upstream;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.regions.Region;
import io.amcfacade.upstream.AmcManagerAccountWire.AccountToUpdate;
import io.amcfacade.upstream.AmcManagerAccountWire.LinkRequest;
import io.amcfacade.upstream.AmcManagerAccountWire.LinkResult;
import io.amcfacade.upstream.AmcManagerAccountWire.ManagerAccount;
import io.amcfacade.upstream.AmcManagerAccountWire.ManagerAccounts;

/**
 * Amazon's manager accounts, through the same region-aware caller, policies and limiter as every other call. A manager
 * account is visible only on its own region's host, so each region is listed on its own, and a link or unlink goes to
 * the host of the manager account's region; both answer 207 with each account's result.
 */
@ApplicationScoped
public class AmcManagerAccountsClient {

    /** Amazon: at most 20 accounts a link or unlink. */
    public static final int MAX_ACCOUNTS_PER_CALL = 20;

    @Inject
    UpstreamCaller upstream;
    @Inject
    UpstreamFanOut fanOut;

    /** One region's manager accounts, or the problem that kept the region from answering. */
    public record RegionManagerAccounts(Region region, List<ManagerAccount> managerAccounts, ProblemException failure) {
        public boolean available() {
            return failure == null;
        }
    }

    /** The manager accounts {@code region}'s host shows, each with its linked accounts. */
    public List<ManagerAccount> list(Region region) {
        return upstream.call(region, AmcOperation.LIST_MANAGER_ACCOUNTS, (api, bearer) -> api.listManagerAccounts(bearer),
                ManagerAccounts.class, ErrorMapping.NONE).managerAccounts();
    }

    /**
     * Every configured region's manager accounts, the regions side by side on the fan-out's threads within the request's
     * deadline (as {@link AmcClient#listAccounts} lists accounts): one region that is slow or down leaves the others
     * their whole deadline, and a region that fails answers its failure instead of its manager accounts.
     */
    public List<RegionManagerAccounts> listEverywhere() {
        List<RegionManagerAccounts> answers = new ArrayList<>();
        for (UpstreamFanOut.RegionAnswer<UpstreamCaller.Detached<ManagerAccounts>> read : fanOut.eachRegion(
                upstream.regions(), (region, token, deadline) -> upstream.detached(region,
                        AmcOperation.LIST_MANAGER_ACCOUNTS, (api, bearer) -> api.listManagerAccounts(bearer), token,
                        deadline, ManagerAccounts.class, ErrorMapping.NONE))) {
            Region region = read.region();
            if (read.refused() != null) {
                answers.add(new RegionManagerAccounts(region, List.of(), read.refused()));
                continue;
            }
            UpstreamCaller.Detached<ManagerAccounts> answer = read.value();
            upstream.record(answer.answers());
            if (answer.failure() == null) {
                answers.add(new RegionManagerAccounts(region,
                        answer.value() == null ? List.of() : answer.value().managerAccounts(), null));
            } else if (answer.failure() instanceof ProblemException failure) {
                answers.add(new RegionManagerAccounts(region, List.of(), failure));
            } else {
                throw answer.failure();
            }
        }
        return answers;
    }

    /** Links 1–20 AMC accounts to the manager account on {@code region}'s host; per-account results. */
    public LinkResult link(Region region, String managerAccountId, List<String> accountIds) {
        return update(region, AmcOperation.LINK_MANAGER_ACCOUNT, managerAccountId, accountIds);
    }

    /** Unlinks 1–20 AMC accounts from the manager account on {@code region}'s host; per-account results. */
    public LinkResult unlink(Region region, String managerAccountId, List<String> accountIds) {
        return update(region, AmcOperation.UNLINK_MANAGER_ACCOUNT, managerAccountId, accountIds);
    }

    private LinkResult update(Region region, AmcOperation operation, String managerAccountId, List<String> accountIds) {
        if (accountIds.isEmpty() || accountIds.size() > MAX_ACCOUNTS_PER_CALL) {
            throw new IllegalArgumentException("1 to " + MAX_ACCOUNTS_PER_CALL + " accounts a call, not " + accountIds.size());
        }
        LinkRequest request = new LinkRequest(accountIds.stream().map(AccountToUpdate::account).toList());
        return upstream.call(region, operation, (api, bearer) -> operation == AmcOperation.LINK_MANAGER_ACCOUNT
                ? api.linkToManagerAccount(bearer, managerAccountId, request)
                : api.unlinkFromManagerAccount(bearer, managerAccountId, request),
                LinkResult.class, errors(region, managerAccountId));
    }

    private static ErrorMapping errors(Region region, String managerAccountId) {
        return ErrorMapping.withCode((status, code, message) -> switch (status) {
            case 400 -> AmcProblems.rejected(message);
            case 403 -> new ProblemException(Problems.of(ProblemCode.AMC_ACCESS_DENIED,
                    "The facade's Amazon identity has no access to manager account " + managerAccountId + " in region "
                            + region.id() + (message == null ? "." : ": " + message)));
            default -> null;
        });
    }
}
