package io.amcfacade.upstream;

import io.amcfacade.resilience.RetryClass;
import io.amcfacade.resilience.UpstreamPolicies;

/**
 * Every AMC call the facade makes, with the rate-limit group it draws from and which of its failures
 * may be retried ({@code docs/resilience.md} has the table). An operation that must not be repeated
 * blindly says how a caller finds out whether an unanswered call took effect.
 */
enum AmcOperation implements UpstreamPolicies.Operation {
    LIST_ACCOUNTS("GET /amc/accounts", "accounts", RetryClass.REPEATABLE, null),
    CREATE_INVITATIONS("POST /user-invitations", "invitations", RetryClass.ONLY_IF_NOT_PROCESSED,
            "List the account's invitations (GET /v1/accounts/{accountId}/invitations?state=PENDING) to see which "
                    + "were created before inviting anyone again."),
    UPDATE_INVITATIONS("PUT /user-invitations", "invitations", RetryClass.REPEATABLE, null),
    LIST_INVITATIONS("POST /user-invitations/list", "invitations", RetryClass.REPEATABLE, null),
    GET_INVITATION("GET /user-invitations/{id}", "invitations", RetryClass.REPEATABLE, null),
    REDEEM_INVITATION("PUT /user-invitations/redeem", "invitations", RetryClass.ONLY_IF_NOT_PROCESSED,
            "Read the invitation (GET /v1/accounts/{accountId}/invitations/{invitationId}) to see whether it "
                    + "was accepted before redeeming again."),
    LIST_USERS("POST /users/list", "users", RetryClass.REPEATABLE, null),
    LIST_USER_ROLES("POST /userRoles/list", "users", RetryClass.REPEATABLE, null),
    SET_USER_ROLES("PUT /userPermissions", "users", RetryClass.REPEATABLE, null),
    REMOVE_USERS("POST /userPermissions/delete", "users", RetryClass.ONLY_IF_NOT_PROCESSED,
            "List the account's users (GET /v1/accounts/{accountId}/users) to see whether they were removed."),
    LIST_USER_PERMISSIONS("POST /userPermissions/list", "users", RetryClass.REPEATABLE, null),
    LIST_MANAGER_ACCOUNTS("GET /managerAccounts", "accounts", RetryClass.REPEATABLE, null),
    // A link repeated after it took effect fails as "already linked": the per-account results would mislead.
    LINK_MANAGER_ACCOUNT("POST /managerAccounts/{id}/associate", "accounts", RetryClass.ONLY_IF_NOT_PROCESSED,
            "Read the manager accounts (GET /managerAccounts) to see which accounts are linked before linking again."),
    UNLINK_MANAGER_ACCOUNT("POST /managerAccounts/{id}/disassociate", "accounts", RetryClass.ONLY_IF_NOT_PROCESSED,
            "Read the manager accounts (GET /managerAccounts) to see which accounts are still linked before unlinking "
                    + "again."),
    LIST_INSTANCES("GET /amc/instances", "instances", RetryClass.REPEATABLE, null),
    GET_INSTANCE("GET /amc/instances/{id}", "instances", RetryClass.REPEATABLE, null),
    CREATE_INSTANCE("POST /amc/instances", "instances", RetryClass.ONLY_IF_NOT_PROCESSED,
            "Read the operation (GET /v1/operations/{operationId}): the facade looks for the instance by its name "
                    + "before creating another."),
    UPDATE_INSTANCE("PUT /amc/instances/{id}", "instances", RetryClass.REPEATABLE, null),
    DELETE_INSTANCE("DELETE /amc/instances/{id}", "instances", RetryClass.ONLY_IF_NOT_PROCESSED,
            "Read the instance (GET /v1/accounts/{accountId}/instances/{instanceId}): a 404 means it is deleted."),
    LIST_ADVERTISERS("GET /amc/instances/{id}/advertisers", "instances", RetryClass.REPEATABLE, null),
    LIST_ADVERTISER_UPDATES("GET /amc/instances/{id}/advertisers/updates", "instances", RetryClass.REPEATABLE, null),
    CREATE_ADVERTISER_UPDATE("POST /amc/instances/{id}/advertisers/updates", "instances",
            RetryClass.ONLY_IF_NOT_PROCESSED, "List the instance's advertiser updates "
                    + "(GET /v1/accounts/{accountId}/instances/{instanceId}/advertisers/updates) before asking again."),
    GET_ADVERTISER_UPDATE("GET /amc/instances/{id}/advertisers/updates/{updateId}", "instances", RetryClass.REPEATABLE,
            null);

    private final String operationName;
    private final String rateGroup;
    private final RetryClass retryClass;
    private final String howToCheck;

    AmcOperation(String operationName, String rateGroup, RetryClass retryClass, String howToCheck) {
        this.operationName = operationName;
        this.rateGroup = rateGroup;
        this.retryClass = retryClass;
        this.howToCheck = howToCheck;
    }

    @Override
    public String operationName() {
        return operationName;
    }

    @Override
    public String rateGroup() {
        return rateGroup;
    }

    @Override
    public RetryClass retryClass() {
        return retryClass;
    }

    /** For a call that may have taken effect without an answer: how the caller finds out; {@code null} if it can simply retry. */
    String howToCheck() {
        return howToCheck;
    }

    /** Whether AMC changes something when it carries this out: every call but the reads. */
    boolean changesState() {
        return !operationName.startsWith("GET ") && !operationName.endsWith("/list");
    }

    @Override
    public String toString() {
        return operationName;
    }
}
