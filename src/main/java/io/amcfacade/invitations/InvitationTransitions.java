package io.amcfacade.invitations;

import io.amcfacade.api.model.InvitationAction;
import io.amcfacade.api.model.InvitationState;
import io.amcfacade.api.model.Problem;
import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.Problems;

/** Which invitation states each action may start from, and how AMC names the requested state. */
final class InvitationTransitions {

    private InvitationTransitions() {
    }

    /** Only a live or lapsed invitation can be revoked or resent; revoked and accepted ones are final. */
    static boolean allows(InvitationAction action, InvitationState from) {
        return from == InvitationState.PENDING || from == InvitationState.EXPIRED;
    }

    static String amcState(InvitationAction action) {
        return action == InvitationAction.REVOKE ? "REVOKED" : "RESENT";
    }

    static Problem refusal(String invitationId, InvitationAction action, InvitationState from) {
        return Problems.of(ProblemCode.INVALID_STATE_TRANSITION,
                "Invitation " + invitationId + " is " + from + " and cannot be " + (action == InvitationAction.REVOKE
                        ? "revoked." : "resent."));
    }
}
