package io.amcfacade.upstream;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.amcfacade.upstream.AmcUserWire.AccessScopeFilter;
import io.amcfacade.upstream.AmcUserWire.ListPermissionsRequest;
import io.amcfacade.upstream.AmcUserWire.ListUsersRequest;
import io.amcfacade.upstream.AmcUserWire.Permission;
import io.amcfacade.upstream.AmcUserWire.PermissionsPage;
import io.amcfacade.upstream.AmcUserWire.User;
import io.amcfacade.upstream.AmcUserWire.UsersPage;

/**
 * Who holds access to an AMC account and how: the account's users in an access scope ({@code accessScopeFilter} on
 * {@code /users/list}) and one user's permissions ({@code /userPermissions/list}), which say whether the access is
 * granted on the account itself or held through a manager account. Through the same region-aware caller, policies and
 * limiter as every other call; AMC's errors read as {@link AmcUsersClient}'s.
 */
@ApplicationScoped
public class AmcAccessClient {

    /** AMC's page size limit for users and for permissions. */
    private static final int MAX_PAGE = AmcUsersClient.MAX_PAGE;
    /** 100 users a page; more than 50 pages means a paging loop, not a real account. */
    private static final int MAX_USER_PAGES = 50;
    /** 100 permissions a page; 2,000 for one user on one account means a paging loop. */
    private static final int MAX_PERMISSION_PAGES = 20;

    @Inject
    AccountRegions regions;
    @Inject
    UpstreamCaller upstream;

    /** One page of the account's users in {@code scope}. */
    public UsersPage users(String accountId, AccessScope scope, int maxResults, String nextToken) {
        return upstream.call(regions.of(accountId), AmcOperation.LIST_USERS,
                (api, bearer) -> api.listUsers(bearer, accountId,
                        new ListUsersRequest(AccessScopeFilter.of(scope), maxResults, nextToken)),
                UsersPage.class, AmcUsersClient.errors(accountId, null, true));
    }

    /** Every user of the account in {@code scope}, every page read. */
    public List<User> allUsers(String accountId, AccessScope scope) {
        List<User> users = new ArrayList<>();
        PageWalk<UsersPage> walk = new PageWalk<>(AmcOperation.LIST_USERS, MAX_USER_PAGES,
                nextToken -> users(accountId, scope, MAX_PAGE, nextToken), UsersPage::nextToken, upstream::lastRequestId);
        walk.whole(walk.walk(page -> {
            if (page.users() != null) {
                page.users().stream().filter(Objects::nonNull).forEach(users::add);
            }
            return false;
        }));
        return users;
    }

    /** One page of the user's permissions on the account in {@code scope}; 404 {@code USER_NOT_FOUND} as below. */
    public PermissionsPage permissionsPage(String accountId, String userId, AccessScope scope, String pageToken) {
        return upstream.call(regions.of(accountId), AmcOperation.LIST_USER_PERMISSIONS,
                (api, bearer) -> api.listUserPermissions(bearer, accountId, new ListPermissionsRequest(userId,
                        AccessScopeFilter.of(scope), MAX_PAGE, pageToken)),
                PermissionsPage.class, AmcUsersClient.errors(accountId, null, false));
    }

    /**
     * The user's permissions on the account in {@code scope}, every page read: the account's own grant, or a manager
     * account's. 404 {@code USER_NOT_FOUND} when AMC knows no such user there.
     */
    public List<Permission> permissions(String accountId, String userId, AccessScope scope) {
        List<Permission> permissions = new ArrayList<>();
        PageWalk<PermissionsPage> walk = new PageWalk<>(AmcOperation.LIST_USER_PERMISSIONS, MAX_PERMISSION_PAGES,
                pageToken -> permissionsPage(accountId, userId, scope, pageToken), PermissionsPage::nextToken,
                upstream::lastRequestId);
        walk.whole(walk.walk(page -> {
            if (page.permissions() != null) {
                page.permissions().stream().filter(Objects::nonNull).forEach(permissions::add);
            }
            return false;
        }));
        return permissions;
    }
}
