package io.amcfacade.invitations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
        AmcInvitationWire.Invitation found = amc.find(accountId, invitationId)
                .filter(invitation -> belongsTo(invitation, accountId))
                .orElseThrow(() -> new ProblemException(Problems.of(ProblemCode.INVITATION_NOT_FOUND,
                        "Account " + accountId + " has no invitation " + invitationId + ".")));
        return InvitationMapper.toApi(found, accountId, null, Instant.now());
    }

    public InvitationPage list(String accountId, InvitationState state, int limit, String cursor) {
        InvitationCursor position = InvitationCursor.decode(cursor);
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
                        return page(found, i + 1 < items.size()
                                ? new InvitationCursor(position.upstreamToken(), i + 1)
                                : next(page));
                    }
                }
            }
            InvitationCursor next = next(page);
            if (next == null) {
                return page(found, null);
            }
            position = next;
        }
        return page(found, position);
    }

    private static InvitationCursor next(AmcInvitationWire.Page page) {
        return page.nextToken() == null || page.nextToken().isBlank() ? null : new InvitationCursor(page.nextToken(), 0);
    }

    private static InvitationPage page(List<Invitation> invitations, InvitationCursor next) {
        return new InvitationPage(invitations).nextCursor(next == null ? null : next.encode());
    }

    private static boolean belongsTo(AmcInvitationWire.Invitation invitation, String accountId) {
        return invitation.targetId() == null || invitation.targetId().equals(accountId);
    }
}
