package io.amcfacade.users;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.amcfacade.api.model.UserPage;
import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.upstream.AmcUserWire;
import io.amcfacade.upstream.AmcUsersClient;
import io.amcfacade.web.PageCursor;

/**
 * Reads an account's users and their roles. AMC lists users without roles, so every user shown or
 * checked costs one role look-up; those run a few at a time ({@code amc.upstream.fan-out.parallelism})
 * and only for the users a request needs.
 */
@ApplicationScoped
public class UserDirectory {

    private static final String CURSOR_LIST = "users";
    /** Role look-ups that never stop early: every user asked about is needed. */
    private static final Predicate<List<AmcUserWire.Role>> ALL_OF_THEM = roles -> false;

    @Inject
    AmcUsersClient amc;

    /**
     * One page of users with their roles: one AMC list call and one role look-up per user on the page. A
     * user removed between the two shows without a role rather than failing the page.
     */
    public UserPage list(String accountId, int limit, String cursor) {
        AmcUserWire.UsersPage page = amc.list(accountId, limit, PageCursor.upstreamToken(CURSOR_LIST, accountId, cursor));
        List<AmcUserWire.User> users = page.users() == null ? List.of() : page.users();
        Map<String, List<AmcUserWire.Role>> roles = amc.roles(accountId, users.stream().map(AmcUserWire.User::userId).toList(),
                ALL_OF_THEM);
        return new UserPage(users.stream().map(u -> UserMapper.toApi(UserMapper.toDirectory(u, roles.get(u.userId()))))
                .toList())
                .nextCursor(PageCursor.next(CURSOR_LIST, accountId, page.nextToken()));
    }

    /** The user with their role; 404 {@code USER_NOT_FOUND} when the account has no such user. */
    DirectoryUser require(String accountId, String userId) {
        DirectoryUser user = find(accountId, Set.of(userId)).get(userId);
        if (user == null) {
            throw new ProblemException(Problems.of(ProblemCode.USER_NOT_FOUND,
                    "Account " + accountId + " has no user " + userId + "."));
        }
        return user;
    }

    /** The users with these ids, with their roles; ids the account does not have are absent. */
    Map<String, DirectoryUser> find(String accountId, Set<String> userIds) {
        Map<String, AmcUserWire.User> found = new LinkedHashMap<>();
        amc.walk(accountId, page -> {
            page.stream().filter(u -> userIds.contains(u.userId())).forEach(u -> found.put(u.userId(), u));
            return found.size() == userIds.size();
        });
        Map<String, List<AmcUserWire.Role>> roles = found.isEmpty() ? Map.of()
                : amc.roles(accountId, List.copyOf(found.keySet()), ALL_OF_THEM);
        Map<String, DirectoryUser> users = new LinkedHashMap<>();
        found.forEach((id, user) -> users.put(id, UserMapper.toDirectory(user, roles.get(id))));
        return users;
    }

    /** Whether any user besides {@code excluded} is an admin; stops looking at the first one. */
    boolean hasAdminBesides(String accountId, Set<String> excluded) {
        return amc.walk(accountId, page -> {
            List<String> others = page.stream().map(AmcUserWire.User::userId).filter(id -> !excluded.contains(id))
                    .toList();
            return !others.isEmpty()
                    && amc.roles(accountId, others, UserMapper::isAdmin).values().stream().anyMatch(UserMapper::isAdmin);
        });
    }
}
