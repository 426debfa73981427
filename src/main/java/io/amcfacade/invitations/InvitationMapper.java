package io.amcfacade.invitations;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.amcfacade.api.model.Invitation;
import io.amcfacade.api.model.InvitationRequest;
import io.amcfacade.api.model.InvitationState;
import io.amcfacade.api.model.ItemError;
import io.amcfacade.upstream.AmcInvitationWire;
import io.amcfacade.upstream.AmcVocabulary;

/** Translates between the facade's invitation model and AMC's wire shapes. */
final class InvitationMapper {

    private InvitationMapper() {
    }

    static AmcInvitationWire.InvitationRequest toAmc(InvitationRequest request) {
        return new AmcInvitationWire.InvitationRequest(
                new AmcInvitationWire.User(request.getEmailAddress(), request.getUserName().strip()),
                new AmcInvitationWire.PermissionSet("ROLE",
                        new AmcInvitationWire.RoleName(AmcVocabulary.invitationRole(request.getRole().toString()))));
    }

    static Invitation toApi(AmcInvitationWire.Invitation amc, String accountId, List<String> termsTypes, Instant now) {
        Instant expiration = AmcVocabulary.instant(amc.expiration());
        String role = amc.permissionSet() == null || amc.permissionSet().role() == null ? null
                : AmcVocabulary.facadeRole(amc.permissionSet().role().name());
        return new Invitation(amc.invitationId(), amc.targetId() != null ? amc.targetId() : accountId,
                state(amc, now), role, amc.user() == null ? null : amc.user().emailAddress())
                .userName(amc.user() == null ? null : amc.user().userName())
                .createdAt(utc(AmcVocabulary.instant(amc.createdAt())))
                .expiresAt(utc(expiration))
                .createdBy(amc.createdBy())
                .termsTypes(termsTypes == null || termsTypes.isEmpty() ? null : termsTypes);
    }

    static InvitationState state(AmcInvitationWire.Invitation amc, Instant now) {
        return InvitationState.fromValue(
                AmcVocabulary.facadeState(amc.state(), AmcVocabulary.instant(amc.expiration()), now));
    }

    static ItemError error(AmcInvitationWire.ItemError amc) {
        String message = amc.errorMessage() != null ? amc.errorMessage() : amc.errorDetail();
        return new ItemError(AmcVocabulary.itemErrorCode(amc.errorCode()),
                message != null ? message : "AMC refused this item without a reason.");
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
