package io.amcfacade.access;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import io.amcfacade.access.query.AccessHistoryQuery;
import io.amcfacade.access.query.AccessInventory;
import io.amcfacade.access.query.AccessInventory.GrantCriteria;
import io.amcfacade.access.reconcile.AccessReconciler;
import io.amcfacade.access.reconcile.AccessReconciler.PassSummary;
import io.amcfacade.api.AccessApi;
import io.amcfacade.api.model.AccessGrantPage;
import io.amcfacade.api.model.AccessHistory;
import io.amcfacade.api.model.AccessReconciliation;
import io.amcfacade.audit.AuditAction;
import io.amcfacade.audit.AuditSummaries;
import io.amcfacade.audit.AuditTrail;
import io.amcfacade.audit.Audited;
import io.amcfacade.security.Roles;

/**
 * {@code /v1/access} and {@code /v1/access/history}: who has access, had it, and how it changed;
 * {@code /v1/access/reconciliations}: a reconciliation pass now.
 */
// The generated interface carries the full paths; the class only roots them.
@Path("/")
public class AccessResource implements AccessApi {

    @Inject
    AccessInventory inventory;
    @Inject
    AccessHistoryQuery history;
    @Inject
    AccessReconciler reconciler;
    @Inject
    AuditTrail trail;

    @Override
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.ACCESS_QUERY)
    public AccessGrantPage listAccessGrants(String accountId, String userId, String emailAddress, String role,
            OffsetDateTime asOf, Integer limit, String cursor, String xOnBehalfOf) {
        return inventory.grants(new GrantCriteria(accountId, userId, emailAddress, role,
                asOf == null ? null : asOf.toInstant(), limit == null ? 100 : limit, cursor));
    }

    @Override
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.ACCESS_HISTORY)
    public AccessHistory getAccessHistory(String accountId, String userId, String xOnBehalfOf) {
        return history.history(accountId, userId);
    }

    @Override
    @RolesAllowed(Roles.AUDITOR)
    @Audited(action = AuditAction.ACCESS_RECONCILE)
    public AccessReconciliation reconcileAccess(String accountId, String xOnBehalfOf) {
        if (accountId != null) {
            trail.intend(List.of(), AuditSummaries.of(Map.of("accountId", accountId)));
        }
        return answer(reconciler.reconcileNow(accountId));
    }

    private static AccessReconciliation answer(PassSummary pass) {
        return new AccessReconciliation(pass.accounts(), pass.listed(), pass.skipped(), pass.rolesSwept(), pass.calls(),
                pass.changes(), pass.outOfBand(), pass.throttled(), pass.failed(), pass.durationMillis());
    }
}
