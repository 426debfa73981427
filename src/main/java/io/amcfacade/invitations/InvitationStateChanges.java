package io.amcfacade.invitations;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.api.model.Invitation;
import io.amcfacade.api.model.InvitationAction;
import io.amcfacade.api.model.InvitationState;
import io.amcfacade.api.model.InvitationStateChange;
import io.amcfacade.audit.AuditSummaries;
import io.amcfacade.audit.AuditTargetEntry;
import io.amcfacade.audit.AuditTrail;
import io.amcfacade.audit.InvitationTrail;
import io.amcfacade.audit.TargetResult;
import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.upstream.AmcInvitationWire;
import io.amcfacade.upstream.AmcInvitationsClient;
import io.amcfacade.upstream.AmcVocabulary;

/** Revokes, resends and redeems single invitations, refusing impossible transitions before AMC is asked. */
@ApplicationScoped
public class InvitationStateChanges {

    @Inject
    AmcInvitationsClient amc;
    @Inject
    InvitationQueries queries;
    @Inject
    AuditTrail audit;
    @Inject
    InvitationTrail trail;

    /**
     * Revokes or resends one invitation. The facade knows an invitation it created from its own trail
     * ({@link InvitationTrail}: the account, whom it invites, whether the facade saw it end), so the common
     * case is one AMC call: the update, whose per-item answer decides a transition the facade cannot check
     * locally. Only an invitation the trail does not hold is looked up in the account's list first,
     * within {@link AmcInvitationsClient#MAX_FIND_PAGES} pages; beyond them, AMC's answer decides alone.
     */
    public InvitationStateChange revokeOrResend(String accountId, String invitationId, InvitationAction action,
            boolean notify) {
        Subject subject = subject(accountId, invitationId);
        audit.intend(subject.targets(), AuditSummaries.of(Map.of("action", action.toString(), "notifyInvitedUsers", notify)));
        subject.state().filter(state -> !InvitationTransitions.allows(action, state)).ifPresent(state -> {
            throw new ProblemException(InvitationTransitions.refusal(invitationId, action, state));
        });
        String amcState = InvitationTransitions.amcState(action);
        AmcInvitationWire.UpdateResult result = amc.update(accountId,
                List.of(new AmcInvitationWire.Update(invitationId, amcState)), notify);
        Optional<AmcInvitationWire.ItemError> refusal = refusalOf(invitationId, result);
        if (refusal.isPresent() && !revokedMeanwhile(accountId, invitationId, action, refusal.get())) {
            throw itemFailure(invitationId, refusal.get());
        }
        audit.report(List.of(AuditTargetEntry.invitation(invitationId).withResult(TargetResult.UPDATED, null)),
                AuditOutcome.SUCCEEDED);
        return new InvitationStateChange(invitationId,
                action == InvitationAction.REVOKE ? InvitationState.REVOKED : InvitationState.PENDING);
    }

    /**
     * What the facade knows of an invitation before changing it: whom it invites (for the audit trail) and,
     * where it is sure of it, its state. {@code state} is empty when AMC's answer must decide.
     */
    private record Subject(List<AuditTargetEntry> targets, Optional<InvitationState> state) {
    }

    private Subject subject(String accountId, String invitationId) {
        Optional<InvitationTrail.TrailedInvitation> trailed = trail.find(invitationId);
        if (trailed.isPresent()) {
            InvitationTrail.TrailedInvitation known = trailed.get();
            if (!accountId.equals(known.accountId())) {
                throw InvitationQueries.notFound(accountId, invitationId);
            }
            return new Subject(List.of(AuditTargetEntry.email(known.emailAddress(), known.role())),
                    known.endedAs().map(InvitationState::fromValue));
        }
        return queries.locatedWithinBound(accountId, invitationId)
                .map(found -> {
                    Invitation invitation = InvitationMapper.toApi(found, accountId, null, Instant.now());
                    return new Subject(List.of(AuditTargetEntry.email(invitation.getEmailAddress(), invitation.getRole())),
                            Optional.of(invitation.getState()));
                })
                .orElseGet(() -> new Subject(List.of(), Optional.empty()));
    }

    public InvitationStateChange redeem(String invitationId, String inviteeToken) {
        AmcInvitationsClient.InviteeView found = amc.getAsInvitee(invitationId, inviteeToken);
        AmcInvitationWire.Invitation invitation = found.invitation().invitation();
        String email = invitation == null || invitation.user() == null ? null : invitation.user().emailAddress();
        String role = invitation == null || invitation.permissionSet() == null || invitation.permissionSet().role() == null
                ? null : AmcVocabulary.facadeRole(invitation.permissionSet().role().name());
        audit.intend(email == null ? List.of() : List.of(AuditTargetEntry.email(email, role)),
                AuditSummaries.of(invitation == null || invitation.targetId() == null ? Map.of()
                        : Map.of("accountId", invitation.targetId())));
        amc.redeem(found.region(), invitationId, inviteeToken);
        return new InvitationStateChange(invitationId, InvitationState.ACCEPTED);
    }

    /**
     * AMC's refusal of this invitation, read as the batch path reads it: an error naming it (or naming
     * none), unless a success names it. Amazon's definition lets one answer carry both lists; an error
     * about another invitation is not this one's.
     */
    private static Optional<AmcInvitationWire.ItemError> refusalOf(String invitationId,
            AmcInvitationWire.UpdateResult result) {
        boolean succeeded = result.successes() != null && result.successes().stream()
                .anyMatch(success -> success != null && invitationId.equals(success.invitationId()));
        if (succeeded || result.errors() == null) {
            return Optional.empty();
        }
        return result.errors().stream()
                .filter(error -> error != null && (error.identifier() == null || invitationId.equals(error.identifier())))
                .findFirst();
    }

    /**
     * AMC refused a revoke of an invitation that was revocable a moment ago because it is REVOKED now: an
     * earlier attempt of this very call whose answer was lost (revokes are retried), or a concurrent
     * revoke. Either way the invitation is revoked as asked.
     */
    private boolean revokedMeanwhile(String accountId, String invitationId, InvitationAction action,
            AmcInvitationWire.ItemError error) {
        return action == InvitationAction.REVOKE
                && ProblemCode.INVALID_STATE_TRANSITION.name().equals(AmcVocabulary.itemErrorCode(error.errorCode()))
                && queries.locatedWithinBound(accountId, invitationId)
                        .map(found -> InvitationMapper.state(found, Instant.now()) == InvitationState.REVOKED).orElse(false);
    }

    private static ProblemException itemFailure(String invitationId, AmcInvitationWire.ItemError error) {
        String message = InvitationMapper.error(error).getMessage();
        return switch (ProblemCode.find(AmcVocabulary.itemErrorCode(error.errorCode())).orElse(ProblemCode.UPSTREAM_REJECTED)) {
            case INVALID_STATE_TRANSITION -> new ProblemException(Problems.of(ProblemCode.INVALID_STATE_TRANSITION,
                    "Invitation " + invitationId + ": " + message));
            case INVITATION_NOT_FOUND -> new ProblemException(Problems.of(ProblemCode.INVITATION_NOT_FOUND,
                    "AMC knows no invitation " + invitationId + "."));
            default -> new ProblemException(Problems.of(ProblemCode.UPSTREAM_REJECTED,
                    "AMC refused to change invitation " + invitationId + ": " + message));
        };
    }
}
