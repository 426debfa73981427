package io.amcfacade.upstream;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.regions.Region;
import io.amcfacade.upstream.AmcInvitationWire.CreateRequest;
import io.amcfacade.upstream.AmcInvitationWire.CreateResult;
import io.amcfacade.upstream.AmcInvitationWire.Invitation;
import io.amcfacade.upstream.AmcInvitationWire.InvitationRequest;
import io.amcfacade.upstream.AmcInvitationWire.InvitationWithTerms;
import io.amcfacade.upstream.AmcInvitationWire.ListRequest;
import io.amcfacade.upstream.AmcInvitationWire.Page;
import io.amcfacade.upstream.AmcInvitationWire.RedeemRequest;
import io.amcfacade.upstream.AmcInvitationWire.Update;
import io.amcfacade.upstream.AmcInvitationWire.UpdateRequest;
import io.amcfacade.upstream.AmcInvitationWire.UpdateResult;

/**
 * AMC user invitations: the decorator the invitations feature calls instead of the raw REST client.
 * Knows which AMC error statuses mean what for each operation.
 */
@ApplicationScoped
public class AmcInvitationsClient {

    /** AMC's page size limit for listing invitations. */
    public static final int MAX_PAGE = 50;
    /** List pages a look-up of one invitation reads: 1,000 invitations, 20 calls at worst. */
    public static final int MAX_FIND_PAGES = 20;

    @Inject
    AccountRegions regions;
    @Inject
    UpstreamCaller upstream;

    public CreateResult create(String accountId, List<InvitationRequest> invitations, boolean notify) {
        return upstream.call(regions.of(accountId), AmcOperation.CREATE_INVITATIONS,
                (api, bearer) -> api.createInvitations(bearer, accountId, new CreateRequest(invitations, notify)),
                CreateResult.class, (status, message) -> accountErrors(accountId, status, message));
    }

    public UpdateResult update(String accountId, List<Update> updates, boolean notify) {
        return upstream.call(regions.of(accountId), AmcOperation.UPDATE_INVITATIONS,
                (api, bearer) -> api.updateInvitations(bearer, accountId, new UpdateRequest(updates, notify)),
                UpdateResult.class, (status, message) -> accountErrors(accountId, status, message));
    }

    public Page list(String accountId, int maxResults, String nextToken) {
        return upstream.call(regions.of(accountId), AmcOperation.LIST_INVITATIONS,
                (api, bearer) -> api.listInvitations(bearer, accountId, new ListRequest(maxResults, nextToken)),
                Page.class, (status, message) -> accountErrors(accountId, status, message));
    }

    /** What a look-up in the account's list came to: the invitation, or why there is none. */
    public sealed interface Lookup {
    }

    /** The account's list holds it. */
    public record Found(Invitation invitation) implements Lookup {
    }

    /** The account's list ended without it: AMC has no such invitation for this account. */
    public record Absent() implements Lookup {
    }

    /** The first {@code invitationsRead} invitations of the list did not hold it and the look-up stopped there. */
    public record BeyondBound(int invitationsRead) implements Lookup {
    }

    /**
     * One invitation of the account, found in the account's list: AMC's get-one call has no account scope
     * and acts as the invitee, so an administrator does not rely on it. Costs one list call per 50
     * invitations before it, at most {@link #MAX_FIND_PAGES}; says which of "not there" and "not among the
     * invitations read" it is, so that nobody reads the bound as an absence.
     */
    public Lookup find(String accountId, String invitationId) {
        Invitation[] found = new Invitation[1];
        int[] read = new int[1];
        PageWalk<Page> walk = new PageWalk<>(AmcOperation.LIST_INVITATIONS, MAX_FIND_PAGES,
                nextToken -> list(accountId, MAX_PAGE, nextToken), Page::nextToken, upstream::lastRequestId);
        PageWalk.End end = walk.walk(page -> {
            List<Invitation> items = page.invitations() == null ? List.of() : page.invitations();
            found[0] = items.stream().filter(i -> invitationId.equals(i.invitationId())).findFirst().orElse(null);
            read[0] += items.size();
            return found[0] != null;
        });
        return switch (end) {
            case STOPPED -> new Found(found[0]);
            case LAST_PAGE -> new Absent();
            case BOUND -> new BeyondBound(read[0]);
        };
    }

    /** An invitation as its invitee reads it, and the region whose host holds it. */
    public record InviteeView(Region region, InvitationWithTerms invitation) {
    }

    /**
     * Reads an invitation as its invitee, with the invitee's own access token. The caller names no account, so
     * each region's host is asked in turn until one knows the invitation; when none does, the first region's
     * failure other than "not found" is the answer (that region may hold it), else 404.
     */
    public InviteeView getAsInvitee(String invitationId, String inviteeToken) {
        ProblemException failed = null;
        for (Region region : regions.regions()) {
            try {
                return new InviteeView(region, upstream.callWithToken(region, AmcOperation.GET_INVITATION, inviteeToken,
                        (api, bearer) -> api.getInvitation(bearer, invitationId),
                        InvitationWithTerms.class, (status, message) -> inviteeErrors(invitationId, status, message)));
            } catch (ProblemException e) {
                if (failed == null && e.problem().getStatus() != 404) {
                    failed = e;
                }
            }
        }
        throw failed != null ? failed : notFound(invitationId);
    }

    /** Accepts an invitation as its invitee, with the invitee's own access token, on the host that holds it. */
    public void redeem(Region region, String invitationId, String inviteeToken) {
        upstream.callWithToken(region, AmcOperation.REDEEM_INVITATION, inviteeToken,
                (api, bearer) -> api.redeemInvitation(bearer, new RedeemRequest(invitationId)),
                Void.class, (status, message) -> inviteeErrors(invitationId, status, message));
    }

    private static ProblemException accountErrors(String accountId, int status, String message) {
        return switch (status) {
            case 400 -> AmcProblems.rejected(message);
            case 403 -> AmcProblems.accessDenied(accountId);
            default -> null;
        };
    }

    private static ProblemException inviteeErrors(String invitationId, int status, String message) {
        return switch (status) {
            case 400 -> new ProblemException(Problems.of(ProblemCode.INVITATION_NOT_REDEEMABLE,
                    "AMC will not redeem invitation " + invitationId + (message == null ? "." : ": " + message)));
            case 401 -> new ProblemException(Problems.of(ProblemCode.INVITEE_TOKEN_REJECTED,
                    "AMC rejected the X-Amz-Invitee-Token: it is invalid or expired."));
            case 403 -> new ProblemException(Problems.of(ProblemCode.REDEEM_FORBIDDEN,
                    "The invitee token's owner may not redeem invitation " + invitationId
                            + "; it is addressed to someone else."));
            case 404 -> notFound(invitationId);
            default -> null;
        };
    }

    private static ProblemException notFound(String invitationId) {
        return new ProblemException(Problems.of(ProblemCode.INVITATION_NOT_FOUND,
                "AMC knows no invitation " + invitationId + "."));
    }
}
