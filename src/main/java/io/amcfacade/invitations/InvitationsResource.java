package io.amcfacade.invitations;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import io.amcfacade.api.InvitationsApi;
import io.amcfacade.api.model.CreateInvitationsRequest;
import io.amcfacade.api.model.CreateInvitationsResult;
import io.amcfacade.api.model.Invitation;
import io.amcfacade.api.model.InvitationAction;
import io.amcfacade.api.model.InvitationPage;
import io.amcfacade.api.model.InvitationState;
import io.amcfacade.api.model.InvitationStateChange;
import io.amcfacade.api.model.UpdateInvitationsRequest;
import io.amcfacade.api.model.UpdateInvitationsResult;
import io.amcfacade.audit.AuditAction;
import io.amcfacade.audit.Audited;
import io.amcfacade.idempotency.Idempotent;
import io.amcfacade.security.Roles;

/** {@code /v1/accounts/{accountId}/invitations} and {@code /v1/invitations/{invitationId}/redeem}. */
// The generated interface carries the full paths; the class only roots them.
@Path("/")
public class InvitationsResource implements InvitationsApi {

    @Inject
    InvitationBatches batches;
    @Inject
    InvitationQueries queries;
    @Inject
    InvitationStateChanges changes;

    @Override
    @RolesAllowed(Roles.ADMIN)
    @Audited(action = AuditAction.INVITATIONS_CREATE)
    @Idempotent
    public CreateInvitationsResult createInvitations(String accountId, CreateInvitationsRequest request,
            String idempotencyKey, String onBehalfOf) {
        return batches.create(accountId, request);
    }

    @Override
    @RolesAllowed({ Roles.VIEWER, Roles.ADMIN })
    @Audited(action = AuditAction.INVITATIONS_LIST)
    public InvitationPage listInvitations(String accountId, InvitationState state, Integer limit, String cursor,
            String onBehalfOf) {
        return queries.list(accountId, state, limit, cursor);
    }

    @Override
    @RolesAllowed({ Roles.VIEWER, Roles.ADMIN })
    @Audited(action = AuditAction.INVITATION_GET, targetParam = "invitationId")
    public Invitation getInvitation(String accountId, String invitationId, String onBehalfOf) {
        return queries.get(accountId, invitationId);
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    @Audited(action = AuditAction.INVITATION_REVOKE, targetParam = "invitationId")
    @Idempotent
    public InvitationStateChange revokeInvitation(String accountId, String invitationId, String idempotencyKey,
            String onBehalfOf) {
        return changes.revokeOrResend(accountId, invitationId, InvitationAction.REVOKE, true);
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    @Audited(action = AuditAction.INVITATION_RESEND, targetParam = "invitationId")
    @Idempotent
    public InvitationStateChange resendInvitation(String accountId, String invitationId, String idempotencyKey,
            String onBehalfOf) {
        return changes.revokeOrResend(accountId, invitationId, InvitationAction.RESEND, true);
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    @Audited(action = AuditAction.INVITATIONS_UPDATE)
    @Idempotent
    public UpdateInvitationsResult updateInvitations(String accountId, UpdateInvitationsRequest request,
            String idempotencyKey, String onBehalfOf) {
        return batches.update(accountId, request);
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    @Audited(action = AuditAction.INVITATION_REDEEM, targetParam = "invitationId")
    @Idempotent
    public InvitationStateChange redeemInvitation(String invitationId, String inviteeToken, String idempotencyKey,
            String onBehalfOf) {
        return changes.redeem(invitationId, inviteeToken);
    }
}
