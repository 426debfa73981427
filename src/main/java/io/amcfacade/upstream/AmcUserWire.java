package io.amcfacade.upstream;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * AMC's user-permissions API as it is on the wire. Role names here are AMC's ({@code ADMIN},
 * {@code VIEWER}, {@code EDITOR}); {@link AmcVocabulary} translates. Unknown fields AMC adds later are
 * ignored.
 */
public final class AmcUserWire {

    private AmcUserWire() {
    }

    /** {@code accessScopeFilter} {@code null}: not sent, AMC's default (the account's direct users, as far as known). */
    public record ListUsersRequest(AccessScopeFilter accessScopeFilter, int maxResults, String nextToken) {

        public ListUsersRequest(int maxResults, String nextToken) {
            this(null, maxResults, nextToken);
        }
    }

    /** Which access a listing covers: exactly one {@link AccessScope}, as Amazon's definition requires. */
    public record AccessScopeFilter(List<AccessScope> include) {

        public static AccessScopeFilter of(AccessScope scope) {
            return new AccessScopeFilter(List.of(scope));
        }
    }

    public record ListPermissionsRequest(String userId, AccessScopeFilter accessScopeFilter, int maxResults,
            String nextToken) {
    }

    /**
     * One of a user's permissions on the account. Amazon types the fields as strings and publishes none of their
     * values; what the sandbox writes is in docs/upstream.md.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Permission(String id, String resourceType, String accessLevel, List<String> countryCodes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PermissionsPage(List<Permission> permissions, String nextToken) {
    }

    /** A user; AMC may mask part of the email address. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record User(String userId, String emailAddress, List<String> countryCodes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UsersPage(List<User> users, String nextToken) {
    }

    public record ListRolesRequest(String userId, int maxResults, String nextToken) {
    }

    /**
     * One of a user's roles: {@code role} {@code ADMIN}, {@code EDITOR} or {@code VIEWER}; {@code type}
     * {@code ROLE} or {@code CUSTOM_PERMISSION_SET}; the countries it holds for (global accounts).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Role(String role, String type, List<String> countryCodes) {

        public static final String ROLE = "ROLE";

        /** Only a role grant counts as a role; a custom permission set is not one. */
        public boolean isRoleGrant() {
            return type == null || ROLE.equalsIgnoreCase(type);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RolesPage(List<Role> roles, String nextToken) {
    }

    /** In this API {@code role} is a bare string ({@code ADMIN}), unlike the invitation API's {@code {"name"}}. */
    public record PermissionSet(String type, String role) {
    }

    public record UserPermission(String userId, PermissionSet permissionSet) {

        /** A role grant, the only permission set AMC accepts. */
        public static UserPermission role(String userId, String amcRole) {
            return new UserPermission(userId, new PermissionSet(Role.ROLE, amcRole));
        }
    }

    public record UpdatePermissionsRequest(List<UserPermission> userPermissions) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UserRef(String userId) {
    }

    public record DeletePermissionsRequest(List<UserRef> users) {
    }

    /** A per-user failure inside a 200. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ItemError(String userId, String code, String message) {
    }

    /** The answer to a role change or a removal: per-user successes and errors. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PermissionsResult(List<UserRef> successes, List<ItemError> errors) {

        public List<UserRef> successes() {
            return successes == null ? List.of() : successes;
        }

        public List<ItemError> errors() {
            return errors == null ? List.of() : errors;
        }
    }
}
