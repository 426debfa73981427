package io.amcfacade.upstream;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.amcfacade.problem.ProblemException;
import io.amcfacade.regions.Region;
import io.amcfacade.resilience.Deadline;
import io.amcfacade.upstream.AccountRegions.RegionAccounts;

/**
 * AMC accounts: every region's listing, the regions at once, each on its own host. The decorator {@link
 * AccountRegions} calls instead of the raw REST client.
 */
@ApplicationScoped
public class AmcClient {

    /** 100 accounts a page upstream; more than 50 pages means a paging loop, not a real identity. */
    private static final int MAX_ACCOUNT_PAGES = 50;

    @Inject
    UpstreamCaller upstream;
    @Inject
    UpstreamFanOut fanOut;

    /**
     * Every AMC account of the facade's identity that each region's host lists, all pages. The regions are listed
     * side by side, off the request thread, within the request's deadline: one that is slow, throttled or down
     * leaves the others their whole deadline. A region whose token cannot be had, or whose listing fails, answers
     * its failure instead of its accounts.
     */
    List<RegionAccounts> listAccounts(List<Region> regions) {
        // The first region is listed on the request thread, the others beside it on the fan-out's threads. Those are
        // the whole replica's few (amc.upstream.fan-out.parallelism), and every GET /v1/accounts queued whole on them
        // capped a one-region facade at a third of what it listed on its own thread (bench/run, 2026-12-08: 155
        // against 468 requests/s at 64 connections).
        List<RegionAccounts> answers = new ArrayList<>();
        for (UpstreamFanOut.RegionAnswer<Listing> answer : fanOut.eachRegion(regions, this::list)) {
            Listing listing = answer.value();
            if (listing == null) {
                answers.add(new RegionAccounts(answer.region(), List.of(), answer.refused()));
                continue;
            }
            upstream.record(listing.answers());
            answers.add(new RegionAccounts(answer.region(), listing.failure() == null ? listing.accounts() : List.of(),
                    listing.failure()));
        }
        return answers;
    }

    /** One region's walk through its pages, and what AMC answered on the way (filed by the request thread). */
    private record Listing(List<AmcAccount> accounts, ProblemException failure, List<UpstreamCaller.Answer> answers) {
    }

    private Listing list(Region region, String token, Deadline deadline) {
        List<AmcAccount> accounts = new ArrayList<>();
        List<UpstreamCaller.Answer> answers = new ArrayList<>();
        PageWalk<AmcAccountsPage> walk = new PageWalk<>(AmcOperation.LIST_ACCOUNTS, MAX_ACCOUNT_PAGES, pageToken -> {
            // The first page with the token fetched on the request thread, the next ones with whatever replaced it.
            UpstreamCaller.Detached<AmcAccountsPage> page = upstream.detached(region, AmcOperation.LIST_ACCOUNTS,
                    (api, bearer) -> api.listAccounts(bearer, pageToken),
                    pageToken == null ? token : upstream.currentToken(region), deadline, AmcAccountsPage.class,
                    ErrorMapping.NONE);
            answers.addAll(page.answers());
            if (page.failure() != null) {
                throw page.failure();
            }
            return page.value();
        }, AmcAccountsPage::nextToken, () -> lastRequestId(answers));
        try {
            walk.whole(walk.walk(page -> {
                if (page.amcAccounts() != null) {
                    accounts.addAll(page.amcAccounts());
                }
                return false;
            }));
            return new Listing(accounts, null, answers);
        } catch (ProblemException e) {
            return new Listing(accounts, e, answers);
        }
    }

    private static String lastRequestId(List<UpstreamCaller.Answer> answers) {
        for (int i = answers.size() - 1; i >= 0; i--) {
            if (answers.get(i).requestId() != null) {
                return answers.get(i).requestId();
            }
        }
        return null;
    }
}
