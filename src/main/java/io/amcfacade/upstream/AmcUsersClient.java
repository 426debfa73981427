package io.amcfacade.upstream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.upstream.AmcUserWire.DeletePermissionsRequest;
import io.amcfacade.upstream.AmcUserWire.ListRolesRequest;
import io.amcfacade.upstream.AmcUserWire.ListUsersRequest;
import io.amcfacade.upstream.AmcUserWire.PermissionsResult;
import io.amcfacade.upstream.AmcUserWire.Role;
import io.amcfacade.upstream.AmcUserWire.RolesPage;
import io.amcfacade.upstream.AmcUserWire.UpdatePermissionsRequest;
import io.amcfacade.upstream.AmcUserWire.User;
import io.amcfacade.upstream.AmcUserWire.UserPermission;
import io.amcfacade.upstream.AmcUserWire.UserRef;
import io.amcfacade.upstream.AmcUserWire.UsersPage;

/**
 * AMC's users of an account and their permissions: the decorator the users feature calls instead of the
 * raw REST client. Role look-ups go through {@link UpstreamFanOut}, a few at a time. Knows which AMC
 * error statuses and codes mean what for each operation.
 */
@ApplicationScoped
public class AmcUsersClient {

    /** AMC's page size limit for listing users. */
    public static final int MAX_PAGE = 100;
    /** 100 users a page; more than 50 pages means a paging loop, not a real account. */
    private static final int MAX_PAGES = 50;
    /** AMC answers at most 5 roles a page, whatever is asked. */
    private static final int ROLES_PER_PAGE = 5;
    /** 100 roles for one user means a paging loop, not a real user (AMC holds one role per country at most). */
    private static final int MAX_ROLE_PAGES = 20;
    
    @Inject
    AccountRegions regions;
    @Inject
    UpstreamCaller upstream;
    @Inject
    UpstreamFanOut fanOut;

    public UsersPage list(String accountId, int maxResults, String nextToken) {
        return upstream.call(regions.of(accountId), AmcOperation.LIST_USERS,
                (api, bearer) -> api.listUsers(bearer, accountId, new ListUsersRequest(maxResults, nextToken)),
                UsersPage.class, errors(accountId, null, true));
    }

    /**
     * Reads the account's users a page at a time until {@code visit} answers true for a page.
     *
     * @return whether {@code visit} stopped the walk (false: every page was read)
     */
    public boolean walk(String accountId, Predicate<List<User>> visit) {
        PageWalk<UsersPage> walk = new PageWalk<>(AmcOperation.LIST_USERS, MAX_PAGES,
                nextToken -> list(accountId, MAX_PAGE, nextToken), UsersPage::nextToken, upstream::lastRequestId);
        return walk.whole(walk.walk(page -> visit.test(page.users() == null ? List.of() : page.users())))
                == PageWalk.End.STOPPED;
    }

    /**
     * Each user's roles ({@code role}, {@code type}, {@code countryCodes}), looked up a few at a time and
     * every page followed (AMC answers at most 5 roles a page). Once one user's first page satisfies
     * {@code enough}, users not yet looked up are left out of the answer; so are users AMC no longer knows
     * (removed since they were listed), rather than failing the whole read. Whether a user is an admin:
     * {@link AmcVocabulary#facadeUserRole} (role grants only).
     */
    public Map<String, List<Role>> roles(String accountId, List<String> userIds, Predicate<List<Role>> enough) {
        List<RolesPage> pages = fanOut.callEach(regions.of(accountId), AmcOperation.LIST_USER_ROLES, userIds,
                (userId, api, bearer) -> api.listUserRoles(bearer, accountId,
                        new ListRolesRequest(userId, ROLES_PER_PAGE, null)),
                RolesPage.class, errors(accountId, null, false), page -> enough.test(rolesOf(page)),
                failure -> failure instanceof ProblemException problem && problem.problem().getStatus() == 404);
        Map<String, List<Role>> roles = new LinkedHashMap<>();
        for (int i = 0; i < userIds.size(); i++) {
            if (pages.get(i) != null) {
                roles.put(userIds.get(i), allPages(accountId, userIds.get(i), pages.get(i)));
            }
        }
        return roles;
    }

    private List<Role> allPages(String accountId, String userId, RolesPage first) {
        List<Role> roles = new ArrayList<>(rolesOf(first));
        String firstToken = first.nextToken();
        if (firstToken == null || firstToken.isBlank()) {
            return roles;
        }
        PageWalk<RolesPage> walk = new PageWalk<>(AmcOperation.LIST_USER_ROLES, MAX_ROLE_PAGES - 1,
                pageToken -> upstream.call(regions.of(accountId), AmcOperation.LIST_USER_ROLES,
                        (api, bearer) -> api.listUserRoles(bearer, accountId,
                                new ListRolesRequest(userId, ROLES_PER_PAGE, pageToken)),
                        RolesPage.class, errors(accountId, null, false)),
                RolesPage::nextToken, upstream::lastRequestId);
        walk.whole(walk.walkFrom(firstToken, page -> {
            roles.addAll(rolesOf(page));
            return false;
        }));
        return roles;
    }

    public PermissionsResult setRoles(String accountId, List<UserPermission> permissions) {
        return upstream.call(regions.of(accountId), AmcOperation.SET_USER_ROLES,
                (api, bearer) -> api.updateUserPermissions(bearer, accountId,
                        new UpdatePermissionsRequest(permissions)),
                PermissionsResult.class, errors(accountId, null, false));
    }

    /**
     * AMC may refuse a removal as a whole with 400 {@code {"code","countries","message"}} (codes unpublished);
     * a code that names the last admin is a 409 {@code LAST_ADMIN}, any other such refusal a 400
     * {@code UPSTREAM_REJECTED} with AMC's message. The facade's own last-admin check runs first.
     */
    public PermissionsResult remove(String accountId, List<String> userIds) {
        return upstream.call(regions.of(accountId), AmcOperation.REMOVE_USERS,
                (api, bearer) -> api.deleteUserPermissions(bearer, accountId,
                        new DeletePermissionsRequest(userIds.stream().map(UserRef::new).toList())),
                PermissionsResult.class, errors(accountId, userIds, false));
    }

    private static List<Role> rolesOf(RolesPage page) {
        return page.roles() == null ? List.of() : page.roles().stream().filter(Objects::nonNull).toList();
    }

    /**
     * @param removing the users a removal names; {@code null} for other calls
     * @param listing a 404 to the user list is about the account, not about a user
     */
    static ErrorMapping errors(String accountId, List<String> removing, boolean listing) {
        return ErrorMapping.withCode((status, code, message) -> {
            String facadeCode = AmcVocabulary.userErrorCode(code);
            if (status == 400 && removing != null && ProblemCode.LAST_ADMIN.name().equals(facadeCode)) {
                return new ProblemException(Problems.of(ProblemCode.LAST_ADMIN,
                        "AMC refused to remove " + String.join(", ", removing) + " from account " + accountId
                                + ": " + (message == null ? "it would leave the account without an admin." : message)));
            }
            return switch (status) {
                case 400 -> AmcProblems.rejected(message);
                case 403 -> AmcProblems.accessDenied(accountId);
                case 404 -> listing
                        ? new ProblemException(Problems.of(ProblemCode.ACCOUNT_NOT_FOUND,
                                "AMC has no users to list for account " + accountId + (message == null ? "." : ": " + message)))
                        : new ProblemException(Problems.of(ProblemCode.USER_NOT_FOUND,
                                "AMC knows no such user in account " + accountId + (message == null ? "." : ": " + message)));
                default -> null;
            };
        });
    }
}
