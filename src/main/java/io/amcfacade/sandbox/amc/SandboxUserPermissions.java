package io.amcfacade.sandbox.amc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.amcfacade.sandbox.SandboxRejection;
import io.amcfacade.sandbox.SandboxReplies;
import io.amcfacade.sandbox.SandboxRequests;

/**
 * The simulated user-permissions API behind {@link SandboxUsersResource}: users page by page, a user's
 * roles, role changes (per-user errors inside a 200) and removals (refused whole when they would take
 * the last admin, as AMC's 400 does), and a user's permissions. Users and permissions are listed in the access scope
 * asked for ({@link SandboxAccessScope}). Role names are accepted in any case and stored upper case.
 */
@ApplicationScoped
class SandboxUserPermissions {

    /** AMC: up to 100 users a page. */
    static final int MAX_USERS_PAGE = 100;
    /** AMC answers at most 5 roles a page, whatever {@code maxResults} asks for (1 to 100). */
    static final int MAX_ROLES_PAGE = 5;
    static final int MAX_ROLES_REQUESTED = 100;
    /** Amazon: 1 to 100 permissions a page. */
    static final int MAX_PERMISSIONS_PAGE = 100;
    /** Not published for role changes; the sandbox picks AMC's listing limit. */
    static final int MAX_CHANGES = 100;
    /** AMC: 1 to 200 users a removal. */
    static final int MAX_REMOVALS = 200;
    private static final Set<String> ROLES = Set.of("ADMIN", "VIEWER", "EDITOR");

    @Inject
    SandboxState state;
    @Inject
    SandboxManagerAccounts managerAccounts;
    @Inject
    SandboxReplies replies;
    @Inject
    ObjectMapper mapper;

    Response listUsers(String endpoint, String accountId, String body) {
        JsonNode request = SandboxRequests.object(mapper, endpoint, body);
        int maxResults = SandboxPaging.maxResults(endpoint, request.get("maxResults"), "maxResults", MAX_USERS_PAGE);
        SandboxAccessScope scope = SandboxAccessScope.of(endpoint, request);
        List<SandboxUser> users = usersIn(accountId, scope);
        // The direct list keeps the token it always had; another scope's token is good for that scope only.
        String list = scope == SandboxAccessScope.DIRECT ? "users" : "users:" + scope;
        int from = SandboxPaging.offset(endpoint, list, accountId, request.get("nextToken"), users.size());
        int to = Math.min(users.size(), from + maxResults);
        String nextToken = to < users.size() ? SandboxPaging.nextToken(list, accountId, to) : null;
        return replies.ok(endpoint, SandboxMediaTypes.of(endpoint), new SandboxUserWire.UsersPage(users.subList(from, to).stream()
                .map(u -> new SandboxUserWire.User(u.userId(), u.emailAddress(), List.of())).toList(), nextToken));
    }

    Response listRoles(String endpoint, String accountId, String body) {
        JsonNode request = SandboxRequests.object(mapper, endpoint, body);
        String userId = SandboxRequests.text(request.path("userId"));
        if (userId == null || userId.isBlank()) {
            throw new SandboxRejection(endpoint, 400, "userId is required");
        }
        int maxResults = Math.min(MAX_ROLES_PAGE,
                SandboxPaging.maxResults(endpoint, request.get("maxResults"), "maxResults", MAX_ROLES_REQUESTED));
        SandboxUser user = account(accountId).user(userId)
                .orElseThrow(() -> new SandboxRejection(endpoint, 404, SandboxUserRoster.NOT_FOUND, "User not found"));
        List<SandboxUserWire.Role> roles = user.grants();
        String list = "roles:" + userId;
        int from = SandboxPaging.offset(endpoint, list, accountId, request.get("nextToken"), roles.size());
        int to = Math.min(roles.size(), from + maxResults);
        return replies.ok(endpoint, SandboxMediaTypes.of(endpoint), new SandboxUserWire.RolesPage(
                roles.subList(from, to), to < roles.size() ? SandboxPaging.nextToken(list, accountId, to) : null));
    }

    /**
     * One user's permissions on the account in the scope asked for: a direct grant as the account's own permission,
     * access through a manager account as that manager account's, with the user's role there. 404 for a user who
     * holds no access to the account in any scope.
     */
    Response listPermissions(String endpoint, String accountId, String body) {
        JsonNode request = SandboxRequests.object(mapper, endpoint, body);
        String userId = SandboxRequests.text(request.path("userId"));
        if (userId == null || userId.isBlank()) {
            throw new SandboxRejection(endpoint, 400, "userId is required");
        }
        int maxResults = SandboxPaging.maxResults(endpoint, request.get("maxResults"), "maxResults", MAX_PERMISSIONS_PAGE);
        SandboxAccessScope scope = SandboxAccessScope.of(endpoint, request);
        Optional<SandboxUser> direct = account(accountId).user(userId);
        List<SandboxManagerAccounts.IndirectAccess> indirect = managerAccounts.indirectAccess(accountId).stream()
                .filter(access -> access.user().userId().equals(userId)).toList();
        if (direct.isEmpty() && indirect.isEmpty()) {
            throw new SandboxRejection(endpoint, 404, SandboxUserRoster.NOT_FOUND, "User not found");
        }
        List<SandboxUserWire.Permission> permissions = new ArrayList<>();
        if (scope.includesDirect()) {
            direct.ifPresent(user -> permissions.add(new SandboxUserWire.Permission(accountId,
                    SandboxUserWire.Permission.AMC_ACCOUNT, user.role(), List.of())));
        }
        if (scope.includesIndirect()) {
            indirect.forEach(access -> permissions.add(new SandboxUserWire.Permission(
                    access.managerAccount().managerAccountId(), SandboxUserWire.Permission.MANAGER_ACCOUNT,
                    access.user().role(), List.of())));
        }
        String list = "permissions:" + scope + ":" + userId;
        int from = SandboxPaging.offset(endpoint, list, accountId, request.get("nextToken"), permissions.size());
        int to = Math.min(permissions.size(), from + maxResults);
        return replies.ok(endpoint, SandboxMediaTypes.of(endpoint), new SandboxUserWire.PermissionsPage(
                permissions.subList(from, to), to < permissions.size() ? SandboxPaging.nextToken(list, accountId, to) : null));
    }

    /** The account's users in {@code scope}, the direct ones first, each person once. */
    private List<SandboxUser> usersIn(String accountId, SandboxAccessScope scope) {
        Map<String, SandboxUser> users = new LinkedHashMap<>();
        if (scope.includesDirect()) {
            account(accountId).users().forEach(user -> users.put(user.userId(), user));
        }
        if (scope.includesIndirect()) {
            managerAccounts.indirectAccess(accountId).forEach(access -> users.putIfAbsent(access.user().userId(),
                    access.user()));
        }
        return List.copyOf(users.values());
    }

    Response setRoles(String endpoint, String accountId, String body) {
        JsonNode request = SandboxRequests.object(mapper, endpoint, body);
        SandboxAccountState account = account(accountId);
        List<SandboxUserWire.UserRef> successes = new ArrayList<>();
        List<SandboxUserWire.ItemError> errors = new ArrayList<>();
        for (JsonNode item : SandboxRequests.items(endpoint, request, "userPermissions", MAX_CHANGES)) {
            String userId = SandboxRequests.text(item.path("userId"));
            JsonNode roleNode = item.path("permissionSet").path("role");
            if (!roleNode.isMissingNode() && !roleNode.isTextual()) {
                // A schema violation, as a server built from the definition refuses it: the whole request.
                throw new SandboxRejection(endpoint, 400, "permissionSet.role must be a string: ADMIN, EDITOR or VIEWER");
            }
            String role = SandboxRequests.text(roleNode);
            Optional<SandboxUserWire.ItemError> error;
            if (!"ROLE".equals(SandboxRequests.text(item.path("permissionSet").path("type")))
                    || role == null || !ROLES.contains(role.toUpperCase(Locale.ROOT))) {
                error = Optional.of(new SandboxUserWire.ItemError(userId, "INVALID_ROLE",
                        "permissionSet must be of type ROLE with role ADMIN, VIEWER or EDITOR"));
            } else {
                error = account.setRole(userId, role.toUpperCase(Locale.ROOT));
            }
            error.ifPresentOrElse(errors::add, () -> successes.add(new SandboxUserWire.UserRef(userId)));
        }
        return replies.ok(endpoint, SandboxMediaTypes.of(endpoint), new SandboxUserWire.Batch(successes, errors));
    }

    Response remove(String endpoint, String accountId, String body) {
        JsonNode request = SandboxRequests.object(mapper, endpoint, body);
        List<String> userIds = SandboxRequests.items(endpoint, request, "users", MAX_REMOVALS).stream()
                .map(item -> SandboxRequests.text(item.path("userId"))).toList();
        SandboxUserRoster.Removal removal = account(accountId).remove(userIds);
        if (removal.refusedLastAdmin()) {
            throw new SandboxRejection(endpoint, 400, SandboxUserRoster.LAST_ADMIN,
                    "Cannot remove the last administrator of the account");
        }
        return replies.ok(endpoint, SandboxMediaTypes.of(endpoint), new SandboxUserWire.Batch(removal.removed(), removal.errors()));
    }

    private SandboxAccountState account(String accountId) {
        // The header checks have already refused accounts the sandbox does not hold.
        return state.account(accountId).orElseThrow();
    }
}
