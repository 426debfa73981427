package io.amcfacade.sandbox.amc;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON shapes the simulated user-permissions API writes, field for field as AMC names them. */
final class SandboxUserWire {

    private SandboxUserWire() {
    }

    record User(String userId, String emailAddress, List<String> countryCodes) {
    }

    /** One page of users; {@code nextToken} is absent on the last page. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UsersPage(List<User> users, String nextToken) {
    }

    /** One entry of a user's roles: {@code type} ROLE or CUSTOM_PERMISSION_SET, and the countries it holds for. */
    record Role(String role, String type, List<String> countryCodes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RolesPage(List<Role> roles, String nextToken) {
    }

    /**
     * One of a user's permissions on the account (the values are the sandbox's: Amazon's definition types these fields
     * as strings and publishes none): the account's own grant or a manager account's, with the role held there.
     */
    record Permission(String id, String resourceType, String accessLevel, List<String> countryCodes) {
        static final String AMC_ACCOUNT = "AMC_ACCOUNT";
        static final String MANAGER_ACCOUNT = "MANAGER_ACCOUNT";
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PermissionsPage(List<Permission> permissions, String nextToken) {
    }

    record UserRef(String userId) {
    }

    /** A per-user failure inside a 200. */
    record ItemError(String userId, String code, String message) {
    }

    /** Per-user results of a change or removal, both inside the 200. */
    record Batch(List<UserRef> successes, List<ItemError> errors) {
    }
}
