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
    /** The retention job dropping a sealed month (actor {@code system:retention}). */
    RETENTION_PURGE,
    /** Placing or lifting the legal hold ({@code PUT /v1/audit/legal-hold}). */
    AUDIT_LEGAL_HOLD,
    /** An operator accepting a cut-off tail of seals ({@code POST /v1/audit/tail-acknowledgements}). */
    AUDIT_TAIL_ACKNOWLEDGE
}
