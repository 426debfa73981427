package io.amcfacade.access.reconcile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import org.jboss.logging.Logger;

import io.amcfacade.access.reconcile.Observation.ManagerAccountLinks;
import io.amcfacade.access.reconcile.Observation.ObservedInvitation;
import io.amcfacade.access.reconcile.Observation.ObservedUser;
import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.regions.Region;
import io.amcfacade.upstream.AccessScope;
import io.amcfacade.upstream.AccountRegions;
import io.amcfacade.upstream.AmcAccessClient;
import io.amcfacade.upstream.AmcAccount;
import io.amcfacade.upstream.AmcInvitationWire;
import io.amcfacade.upstream.AmcInvitationsClient;
import io.amcfacade.upstream.AmcManagerAccountWire;
import io.amcfacade.upstream.AmcManagerAccountsClient;
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

    private static final Logger LOG = Logger.getLogger(AmcAccessReader.class);

    /** AMC's largest page for listing users and invitations: the fewest calls per account. */
    private static final int USERS_PAGE = AmcUsersClient.MAX_PAGE;
    private static final int INVITATIONS_PAGE = AmcInvitationsClient.MAX_PAGE;
    /** 100 accounts a page; the listing's page count is known only afterwards, so it is paid then. */
    private static final int ACCOUNTS_PAGE = 100;
    private static final int MAX_PAGES = 50;
    /** Role look-ups per request context: the fan-out's parallelism, well inside one deadline. */
    private static final int ROLES_AT_ONCE = 4;
    /** 100 permissions a page: more than 20 pages for one user on one account means a paging loop. */
    private static final int MAX_PERMISSION_PAGES = 20;

    private final AccountRegions accounts;
    private final AmcUsersClient users;
    private final AmcAccessClient access;
    private final AmcInvitationsClient invitations;
    private final AmcManagerAccountsClient managerAccounts;
    private final ReconcileBudget budget;

    public AmcAccessReader(AccountRegions accounts, AmcUsersClient users, AmcAccessClient access,
            AmcInvitationsClient invitations, AmcManagerAccountsClient managerAccounts, ReconcileBudget budget) {
        this.accounts = accounts;
        this.users = users;
        this.access = access;
        this.invitations = invitations;
        this.managerAccounts = managerAccounts;
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

    /**
     * The account's users holding access granted on the account itself ({@code DIRECT} scope), every page; roles are
     * not included (one call per user, see {@link #roles}).
     */
    public List<ObservedUser> users(String accountId, ReconcileBudget.Spent spent) {
        return users(accountId, AccessScope.DIRECT, spent);
    }

    /**
     * The account's users holding access through a manager account it is linked to ({@code INDIRECT} scope), every
     * page; through which one, and with what role, is {@link #managerAccountRoles}'s.
     */
    public List<ObservedUser> indirectUsers(String accountId, ReconcileBudget.Spent spent) {
        return users(accountId, AccessScope.INDIRECT, spent);
    }

    private List<ObservedUser> users(String accountId, AccessScope scope, ReconcileBudget.Spent spent) {
        List<ObservedUser> found = new ArrayList<>();
        PageWalk<AmcUserWire.UsersPage> walk = PageWalk.users(MAX_PAGES, nextToken -> {
            budget.take(1, spent);
            return usersPage(accountId, scope, nextToken);
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
    AmcUserWire.UsersPage usersPage(String accountId, AccessScope scope, String nextToken) {
        return throttled(() -> access.users(accountId, scope, USERS_PAGE, nextToken));
    }

    /**
     * Which manager accounts each AMC account is linked to, one {@code GET /managerAccounts} per region (a manager
     * account is shown only on its own region's host): once per pass, not per account. A region that does not answer
     * leaves its accounts' links unknown for this pass rather than failing it.
     */
    public ManagerAccountLinks managerAccountLinks(Collection<Region> regions, ReconcileBudget.Spent spent) {
        Map<String, Set<String>> links = new HashMap<>();
        Set<Region> answered = EnumSet.noneOf(Region.class);
        for (Region region : regions) {
            try {
                budget.take(1, spent);
                for (AmcManagerAccountWire.ManagerAccount managerAccount : managerAccountsIn(region)) {
                    managerAccount.linkedAccounts().stream().filter(AmcManagerAccountWire.LinkedAccount::isAmcAccount)
                            .forEach(linked -> links.computeIfAbsent(linked.accountId(), id -> new TreeSet<>())
                                    .add(managerAccount.managerAccountId()));
                }
                answered.add(region);
            } catch (ReconcileThrottled | ProblemException e) {
                LOG.warnf("The manager accounts of region %s could not be listed (%s); its accounts' links are "
                        + "taken as unchanged in this pass", region.id(), e.getMessage());
            }
        }
        return new ManagerAccountLinks(links, answered);
    }

    /** The region whose host serves the account. */
    public Region regionOf(String accountId) {
        return accounts.of(accountId);
    }

    /**
     * Through which manager accounts each user holds access to the account, with their role there: one
     * {@code POST /userPermissions/list} ({@code INDIRECT} scope) per user and page. A permission on anything but the
     * account itself is taken as held through the manager account it names (docs/upstream.md). A user AMC no longer
     * knows on the account is left out.
     */
    public Map<String, Map<String, String>> managerAccountRoles(String accountId, List<String> userIds,
            ReconcileBudget.Spent spent) {
        Map<String, Map<String, String>> ways = new LinkedHashMap<>();
        for (String userId : userIds) {
            Map<String, String> held = new java.util.TreeMap<>();
            PageWalk<AmcUserWire.PermissionsPage> walk = PageWalk.permissions(MAX_PERMISSION_PAGES, pageToken -> {
                budget.take(1, spent);
                return permissionsPage(accountId, userId, pageToken);
            });
            try {
                walk.whole(walk.walk(page -> {
                    if (page.permissions() != null) {
                        page.permissions().stream()
                                .filter(p -> p != null && p.id() != null && !p.id().equals(accountId))
                                .forEach(p -> held.put(p.id(), AmcVocabulary.facadeRole(p.accessLevel())));
                    }
                    return false;
                }));
            } catch (ProblemException e) {
                if (ProblemCode.USER_NOT_FOUND.name().equals(e.problem().getCode())) {
                    continue;
                }
                throw e;
            }
            ways.put(userId, held);
        }
        return ways;
    }

    @ActivateRequestContext
    AmcUserWire.PermissionsPage permissionsPage(String accountId, String userId, String pageToken) {
        return throttled(() -> access.permissionsPage(accountId, userId, AccessScope.INDIRECT, pageToken));
    }

    @ActivateRequestContext
    List<AmcManagerAccountWire.ManagerAccount> managerAccountsIn(Region region) {
        return throttled(() -> managerAccounts.list(region));
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
