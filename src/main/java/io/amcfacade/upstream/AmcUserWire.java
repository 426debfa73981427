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

    public record ListUsersRequest(int maxResults, String nextToken) {
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

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Role(String role, String type) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RolesPage(List<Role> roles, String nextToken) {
    }

    public record RoleName(String name) {
    }

    public record PermissionSet(String type, RoleName role) {
    }

    public record UserPermission(String userId, PermissionSet permissionSet) {

        /** A role grant, the only permission set AMC accepts. */
        public static UserPermission role(String userId, String amcRole) {
            return new UserPermission(userId, new PermissionSet("ROLE", new RoleName(amcRole)));
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
