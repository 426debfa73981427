package io.amcfacade.audit;

/**
 * What an audit event records as asked: one constant per audited operation, plus the actions the
 * service takes on its own. The names are stored in the trail and queried by callers
 * ({@code ?action=}), so a constant is never renamed.
 */
public enum AuditAction {
    ACCOUNTS_LIST,
    INSTANCES_LIST,
    INSTANCE_GET,
    /** {@code POST /v1/accounts/{accountId}/instances}: starts a long-running create. */
    INSTANCE_CREATE,
    INSTANCE_UPDATE,
    /** {@code DELETE …/instances/{instanceId}}: starts a long-running delete; the summary holds the instance as it was. */
    INSTANCE_DELETE,
    INSTANCE_ADVERTISERS_LIST,
    /** {@code POST …/advertisers/updates}: starts a long-running advertiser update. */
    ADVERTISER_UPDATE_CREATE,
    ADVERTISER_UPDATES_LIST,
    ADVERTISER_UPDATE_GET,
    OPERATION_GET,
    /**
     * A long-running operation moving on as the facade saw it at AMC (actor {@code system:operations}); its
     * summary names the operation and the event of the action that started it.
     */
    OPERATION_TRANSITION,
    INVITATIONS_CREATE,
    INVITATIONS_LIST,
    INVITATION_GET,
    INVITATION_REVOKE,
    INVITATION_RESEND,
    INVITATIONS_UPDATE,
    INVITATION_REDEEM,
    USERS_LIST,
    USER_ROLE_CHANGE,
    USER_REMOVE,
    USERS_UPDATE,
    AUDIT_QUERY,
    AUDIT_GET,
    AUDIT_VERIFY,
    AUDIT_EXPORT,
    /** A request refused before any action took it: no such path or method, too large, unreadable. */
    REQUEST_REFUSED,
    /** The retention job dropping a sealed month (actor {@code system:retention}). */
    RETENTION_PURGE,
    /** A console page that reads nothing from the trail (the empty verify form). */
    CONSOLE_VIEW,
    /** {@code POST /console/sign-out}. */
    CONSOLE_SIGN_OUT,
    ACCESS_QUERY,
    ACCESS_HISTORY,
    ACCESS_REVIEW,
    /** An access reconciliation pass run on demand ({@code POST /v1/access/reconciliations}). */
    ACCESS_RECONCILE,
    /** The access reconciler's first snapshot of an account (actor {@code amc-out-of-band}). */
    ACCESS_BASELINE,
    /** A change in AMC no facade action explains, found by the access reconciler (actor {@code amc-out-of-band}). */
    OUT_OF_BAND_CHANGE,
    /** Placing or lifting the legal hold ({@code PUT /v1/audit/legal-hold}). */
    AUDIT_LEGAL_HOLD,
    /** An operator accepting a cut-off tail of seals ({@code POST /v1/audit/tail-acknowledgements}). */
    AUDIT_TAIL_ACKNOWLEDGE,
    /** {@code POST /v1/event-subscriptions}: the endpoint, format, signing and filter; never the secret. */
    EVENT_SUBSCRIPTION_CREATE,
    EVENT_SUBSCRIPTIONS_LIST,
    EVENT_SUBSCRIPTION_GET,
    EVENT_SUBSCRIPTION_PAUSE,
    EVENT_SUBSCRIPTION_RESUME,
    EVENT_SUBSCRIPTION_DELETE,
    /** {@code POST …/replay}: the position before and after in the summary. */
    EVENT_SUBSCRIPTION_REPLAY,
    EVENT_DELIVERIES_LIST,
    /** The deliverer disabling a subscription (actor {@code system:events}): its receiver answered 410, or retries ran out. */
    EVENT_SUBSCRIPTION_DISABLE,
    /** {@code GET /v1/manager-accounts}: every region's manager accounts and their linked accounts. */
    MANAGER_ACCOUNTS_LIST,
    MANAGER_ACCOUNT_GET,
    /**
     * {@code POST /v1/manager-accounts/{id}/link}: one {@link TargetKind#ACCOUNT} target per account with its result
     * ({@code CREATED} linked, {@code UNCHANGED} already linked); the region in the summary and the outcome.
     */
    MANAGER_ACCOUNT_LINK,
    /** {@code POST /v1/manager-accounts/{id}/unlink}: as {@link #MANAGER_ACCOUNT_LINK}, {@code REMOVED} for unlinked. */
    MANAGER_ACCOUNT_UNLINK
}
