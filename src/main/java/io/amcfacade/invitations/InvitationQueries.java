package io.amcfacade.invitations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.amcfacade.api.model.Invitation;
import io.amcfacade.api.model.InvitationPage;
import io.amcfacade.api.model.InvitationState;
import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.upstream.AmcInvitationWire;
import io.amcfacade.upstream.AmcInvitationsClient;

/** Reads invitations: one, or a filtered page of an account's (AMC's list has no filters of its own). */
@ApplicationScoped
public class InvitationQueries {

    /** Upstream pages one facade page may read while filtering, so a rare state cannot stall a request. */
    static final int MAX_UPSTREAM_PAGES = 10;

    @Inject
    AmcInvitationsClient amc;

    /**
     * One invitation, found in the account's list ({@link AmcInvitationsClient#find}): AMC's get-one call
     * acts as the invitee and has no account scope. The list carries no {@code termsTypes}; only the
     * invitee's own read (redeem) sees them.
     */
    public Invitation get(String accountId, String invitationId) {
        return InvitationMapper.toApi(located(accountId, invitationId), accountId, null, Instant.now());
    }

    /** The invitation as the account's list shows it now; a problem when the list has none or the look-up stopped first. */
    AmcInvitationWire.Invitation located(String accountId, String invitationId) {
        AmcInvitationsClient.Lookup lookup = amc.find(accountId, invitationId);
        if (lookup instanceof AmcInvitationsClient.BeyondBound beyond) {
            throw beyondBound(accountId, invitationId, beyond.invitationsRead());
        }
        return located(lookup, accountId, invitationId);
    }

    /** Like {@link #located}, but the look-up's bound is an answer too: empty when the invitation lies beyond it. */
    Optional<AmcInvitationWire.Invitation> locatedWithinBound(String accountId, String invitationId) {
        AmcInvitationsClient.Lookup lookup = amc.find(accountId, invitationId);
        if (lookup instanceof AmcInvitationsClient.BeyondBound) {
            return Optional.empty();
        }
        return Optional.of(located(lookup, accountId, invitationId));
    }

    private static AmcInvitationWire.Invitation located(AmcInvitationsClient.Lookup lookup, String accountId,
            String invitationId) {
        if (lookup instanceof AmcInvitationsClient.Found found && belongsTo(found.invitation(), accountId)) {
            return found.invitation();
        }
        throw notFound(accountId, invitationId);
    }

    static ProblemException notFound(String accountId, String invitationId) {
        return new ProblemException(Problems.of(ProblemCode.INVITATION_NOT_FOUND,
                "Account " + accountId + " has no invitation " + invitationId + "."));
    }

    private static ProblemException beyondBound(String accountId, String invitationId, int read) {
        return new ProblemException(Problems.of(ProblemCode.INVITATION_LOOKUP_LIMIT,
                "Invitation " + invitationId + " is not among the first " + read + " invitations AMC lists for account "
                        + accountId + ", and the facade reads no further (" + AmcInvitationsClient.MAX_FIND_PAGES
                        + " pages of " + AmcInvitationsClient.MAX_PAGE + "). It may exist further down the list; "
                        + "revoke and resend still reach it."));
    }

    public InvitationPage list(String accountId, InvitationState state, int limit, String cursor) {
        String scope = InvitationCursor.scope(accountId, state);
        InvitationCursor position = InvitationCursor.decode(cursor, scope);
        List<Invitation> found = new ArrayList<>();
        Instant now = Instant.now();
        for (int pages = 0; pages < MAX_UPSTREAM_PAGES; pages++) {
            AmcInvitationWire.Page page = amc.list(accountId, AmcInvitationsClient.MAX_PAGE, position.upstreamToken());
            List<AmcInvitationWire.Invitation> items = page.invitations() == null ? List.of() : page.invitations();
            for (int i = position.skip(); i < items.size(); i++) {
                AmcInvitationWire.Invitation item = items.get(i);
                if (state == null || InvitationMapper.state(item, now) == state) {
                    found.add(InvitationMapper.toApi(item, accountId, null, now));
                    if (found.size() == limit) {
                        return page(scope, found, i + 1 < items.size()
                                ? new InvitationCursor(position.upstreamToken(), i + 1)
                                : next(page));
                    }
                }
            }
            InvitationCursor next = next(page);
            if (next == null) {
                return page(scope, found, null);
            }
            position = next;
        }
        return page(scope, found, position);
    }

    private static InvitationCursor next(AmcInvitationWire.Page page) {
        return page.nextToken() == null || page.nextToken().isBlank() ? null : new InvitationCursor(page.nextToken(), 0);
    }

    private static InvitationPage page(String scope, List<Invitation> invitations, InvitationCursor next) {
        return new InvitationPage(invitations).nextCursor(next == null ? null : next.encode(scope));
    }

    private static boolean belongsTo(AmcInvitationWire.Invitation invitation, String accountId) {
        return invitation.targetId() == null || invitation.targetId().equals(accountId);
    }
}
