package io.amcfacade.access.reconcile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import io.amcfacade.access.reconcile.Observation.ObservedInvitation;
import io.amcfacade.access.reconcile.Observation.ObservedUser;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.upstream.AccountRegions;
import io.amcfacade.upstream.AmcAccount;
import io.amcfacade.upstream.AmcInvitationWire;
import io.amcfacade.upstream.AmcInvitationsClient;
import io.amcfacade.upstream.AmcUserWire;
import io.amcfacade.upstream.AmcUsersClient;
import io.amcfacade.upstream.AmcVocabulary;
import io.amcfacade.upstream.PageWalk;

/**
 * The reconciler's only contact with AMC, and the one place that knows the upstream decorators' Java
 * API and AMC's wire shapes: every other class of the reconciler sees {@link Observation}s. Each call
 * first takes a token of the reconciler's share ({@link ReconcileBudget}) and runs in a request context
 * of its own, so it gets its own deadline and its answers are not mixed with anybody's audit. Throttling
 * and refusals of the budget become {@link ReconcileThrottled}.
 */
@ApplicationScoped
public class AmcAccessReader {

    /** AMC's largest page for listing users and invitations: the fewest calls per account. */
    private static final int USERS_PAGE = AmcUsersClient.MAX_PAGE;
    private static final int INVITATIONS_PAGE = AmcInvitationsClient.MAX_PAGE;
    /** 100 accounts a page; the listing's page count is known only afterwards, so it is paid then. */
    private static final int ACCOUNTS_PAGE = 100;
    private static final int MAX_PAGES = 50;
    /** Role look-ups per request context: the fan-out's parallelism, well inside one deadline. */
    private static final int ROLES_AT_ONCE = 4;

    private final AccountRegions accounts;
    private final AmcUsersClient users;
    private final AmcInvitationsClient invitations;
    private final ReconcileBudget budget;

    public AmcAccessReader(AccountRegions accounts, AmcUsersClient users, AmcInvitationsClient invitations,
            ReconcileBudget budget) {
        this.accounts = accounts;
        this.users = users;
        this.invitations = invitations;
        this.budget = budget;
    }

    /**
     * The ids of every AMC account the facade's identity administers, in every configured region. A region that
     * cannot be listed now gives the accounts it listed last time: each is tried (and fails on its own, as any
     * account's read may) rather than silently left out of the pass.
     */
    public List<String> accountIds(ReconcileBudget.Spent spent) {
        budget.take(accounts.regions().size(), spent);
        List<String> ids = new ArrayList<>();
        for (AccountRegions.RegionAccounts listing : allAccounts()) {
            if (listing.available()) {
                budget.take(Math.max(0, (listing.accounts().size() - 1) / ACCOUNTS_PAGE), spent);
                listing.accounts().stream().map(AmcAccount::accountId).forEach(ids::add);
            } else {
                accounts.knownIn(listing.region()).forEach(known -> ids.add(known.accountId()));
            }
        }
        return ids;
    }

    /** The account's users, every page; roles are not included (one call per user, see {@link #roles}). */
    public List<ObservedUser> users(String accountId, ReconcileBudget.Spent spent) {
        List<ObservedUser> found = new ArrayList<>();
        PageWalk<AmcUserWire.UsersPage> walk = PageWalk.users(MAX_PAGES, nextToken -> {
            budget.take(1, spent);
            return usersPage(accountId, nextToken);
        });
        walk.whole(walk.walk(page -> {
            if (page.users() != null) {
                page.users().forEach(u -> found.add(new ObservedUser(u.userId(), u.emailAddress())));
            }
            return false;
        }));
        return found;
    }

    /** The account's invitations as AMC lists them, every page. */
    public List<ObservedInvitation> invitations(String accountId, ReconcileBudget.Spent spent) {
        List<ObservedInvitation> found = new ArrayList<>();
        PageWalk<AmcInvitationWire.Page> walk = PageWalk.invitations(MAX_PAGES, nextToken -> {
            budget.take(1, spent);
            return invitationsPage(accountId, nextToken);
        });
        walk.whole(walk.walk(page -> {
            if (page.invitations() != null) {
                page.invitations().forEach(i -> found.add(invitation(i)));
            }
            return false;
        }));
        return found;
    }

    /**
     * The facade's role of each user (admin, viewer, or AMC's spelling of another), one AMC call each;
     * a user AMC no longer knows is left out.
     */
    public Map<String, String> roles(String accountId, List<String> userIds, ReconcileBudget.Spent spent) {
        Map<String, String> roles = new LinkedHashMap<>();
        // A few at a time, each few with its own deadline after its tokens came: a slow share must not eat it.
        for (int from = 0; from < userIds.size(); from += ROLES_AT_ONCE) {
            List<String> some = userIds.subList(from, Math.min(userIds.size(), from + ROLES_AT_ONCE));
            budget.take(some.size(), spent);
            rolesOf(accountId, some).forEach((userId, names) -> roles.put(userId, AmcVocabulary.facadeUserRole(names)));
        }
        return roles;
    }

    @ActivateRequestContext
    Map<String, List<AmcUserWire.Role>> rolesOf(String accountId, List<String> userIds) {
        return throttled(() -> users.roles(accountId, userIds, roles -> false));
    }

    /** Every region's listing; when no region answers, its failure is the pass's, as with one region. */
    @ActivateRequestContext
    List<AccountRegions.RegionAccounts> allAccounts() {
        List<AccountRegions.RegionAccounts> listings = accounts.listEverywhere();
        if (listings.stream().noneMatch(AccountRegions.RegionAccounts::available)) {
            return throttled(() -> {
                throw listings.get(0).failure();
            });
        }
        return listings;
    }

    @ActivateRequestContext
    AmcUserWire.UsersPage usersPage(String accountId, String nextToken) {
        return throttled(() -> users.list(accountId, USERS_PAGE, nextToken));
    }

    @ActivateRequestContext
    AmcInvitationWire.Page invitationsPage(String accountId, String nextToken) {
        return throttled(() -> invitations.list(accountId, INVITATIONS_PAGE, nextToken));
    }

    private static ObservedInvitation invitation(AmcInvitationWire.Invitation wire) {
        String email = wire.user() == null ? null : wire.user().emailAddress();
        String role = wire.permissionSet() == null || wire.permissionSet().role() == null ? null
                : AmcVocabulary.facadeRole(wire.permissionSet().role().name());
        String state = AmcVocabulary.facadeState(wire.state(), AmcVocabulary.instant(wire.expiration()),
                java.time.Instant.now());
        return new ObservedInvitation(wire.invitationId(), email, role, state);
    }

    /** AMC's 429 and 503s, and the facade's own budget and breaker refusals: not now, later. */
    private static <T> T throttled(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ProblemException e) {
            Integer status = e.problem().getStatus();
            if (status != null && (status == 429 || status == 503)) {
                throw new ReconcileThrottled(e.problem().getCode() + ": " + e.problem().getDetail());
            }
            throw e;
        }
    }
}
