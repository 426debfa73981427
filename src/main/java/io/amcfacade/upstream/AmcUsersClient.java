package io.amcfacade.upstream;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.upstream.AmcUserWire.DeletePermissionsRequest;
import io.amcfacade.upstream.AmcUserWire.ListRolesRequest;
import io.amcfacade.upstream.AmcUserWire.ListUsersRequest;
import io.amcfacade.upstream.AmcUserWire.PermissionsResult;
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
    /** One page of roles per user: an AMC user holds one role per account in practice. */
    private static final int ROLES_PER_USER = 20;
    
    @Inject
    @RestClient
    AmcApi api;
    @Inject
    UpstreamCaller upstream;
    @Inject
    UpstreamFanOut fanOut;
    @Inject
    LwaConfig lwa;

    public UsersPage list(String accountId, int maxResults, String nextToken) {
        return upstream.call(AmcOperation.LIST_USERS,
                bearer -> api.listUsers(lwa.clientId(), bearer, accountId, new ListUsersRequest(maxResults, nextToken)),
                UsersPage.class, errors(accountId, null));
    }

    /**
     * Reads the account's users a page at a time until {@code visit} answers true for a page.
     *
     * @return whether {@code visit} stopped the walk (false: every page was read)
     */
    public boolean walk(String accountId, Predicate<List<User>> visit) {
        String nextToken = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            UsersPage result = list(accountId, MAX_PAGE, nextToken);
            if (visit.test(result.users() == null ? List.of() : result.users())) {
                return true;
            }
            nextToken = result.nextToken();
            if (nextToken == null || nextToken.isBlank()) {
                return false;
            }
        }
        throw UpstreamException.pagingLoop(AmcOperation.LIST_USERS, MAX_PAGES, upstream.lastRequestId());
    }

    /**
     * The AMC role names of each user, looked up a few at a time. Once one user's roles satisfy
     * {@code enough}, users not yet looked up are left out of the answer; so are users AMC no longer
     * knows (removed since they were listed), rather than failing the whole read.
     */
    public Map<String, List<String>> roles(String accountId, List<String> userIds, Predicate<List<String>> enough) {
        List<RolesPage> pages = fanOut.callEach(AmcOperation.LIST_USER_ROLES, userIds,
                (userId, bearer) -> api.listUserRoles(lwa.clientId(), bearer, accountId,
                        new ListRolesRequest(userId, ROLES_PER_USER, null)),
                RolesPage.class, errors(accountId, null), page -> enough.test(roleNames(page)),
                failure -> failure instanceof ProblemException problem && problem.problem().getStatus() == 404);
        Map<String, List<String>> roles = new LinkedHashMap<>();
        for (int i = 0; i < userIds.size(); i++) {
            if (pages.get(i) != null) {
                roles.put(userIds.get(i), roleNames(pages.get(i)));
            }
        }
        return roles;
    }

    public PermissionsResult setRoles(String accountId, List<UserPermission> permissions) {
        return upstream.call(AmcOperation.SET_USER_ROLES,
                bearer -> api.updateUserPermissions(lwa.clientId(), bearer, accountId,
                        new UpdatePermissionsRequest(permissions)),
                PermissionsResult.class, errors(accountId, null));
    }

    /** AMC refuses a removal that would take the last admin as a whole: that is a 409 {@code LAST_ADMIN}. */
    public PermissionsResult remove(String accountId, List<String> userIds) {
        return upstream.call(AmcOperation.REMOVE_USERS,
                bearer -> api.deleteUserPermissions(lwa.clientId(), bearer, accountId,
                        new DeletePermissionsRequest(userIds.stream().map(UserRef::new).toList())),
                PermissionsResult.class, errors(accountId, userIds));
    }

    private static List<String> roleNames(RolesPage page) {
        return page.roles() == null ? List.of() : page.roles().stream().map(AmcUserWire.Role::role).toList();
    }

    private static ErrorMapping errors(String accountId, List<String> removing) {
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
                case 404 -> new ProblemException(Problems.of(ProblemCode.USER_NOT_FOUND,
                        "AMC knows no such user in account " + accountId + (message == null ? "." : ": " + message)));
                default -> null;
            };
        });
    }
}
