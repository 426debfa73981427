package io.amcfacade.sandbox.amc;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.amcfacade.sandbox.SandboxConfig;
import io.amcfacade.sandbox.SandboxReplies;
import io.amcfacade.sandbox.SandboxRequests;

/**
 * The account administrator's side of the simulated invitation API: create and update in batches
 * (per-item errors inside a 200) and list every invitation of the account, page by page.
 */
@ApplicationScoped
class SandboxInvitationsAsAdmin {

    /** Names the invitation list in its page tokens. */
    private static final String PAGED_LIST = "invitations";

    @Inject
    SandboxState state;
    @Inject
    SandboxReplies replies;
    @Inject
    SandboxConfig config;
    @Inject
    ObjectMapper mapper;

    Response create(String endpoint, String accountId, String body) {
        JsonNode request = SandboxRequests.object(mapper, endpoint, body);
        List<JsonNode> items = SandboxRequests.items(endpoint, request, "userInvitationRequests",
                SandboxInvitationRequests.MAX_ITEMS);
        boolean notify = SandboxInvitationRequests.notifyInvitedUsers(endpoint, request);
        SandboxAccountState account = state.account(accountId).orElseThrow();
        Instant now = state.now();
        List<SandboxItemOutcome<SandboxInvitation>> outcomes = items.stream()
                .map(item -> SandboxInvitationRequests.invitee(item)
                        .andThen(invitee -> account.invite(invitee, notify, now, config.invitationTtl())))
                .toList();
        return replies.ok(endpoint, SandboxMediaTypes.of(endpoint), SandboxWire.Batch.of(outcomes, invitation -> invitation.toWire(now)));
    }

    Response update(String endpoint, String accountId, String body) {
        JsonNode request = SandboxRequests.object(mapper, endpoint, body);
        List<JsonNode> items = SandboxRequests.items(endpoint, request, "updates", SandboxInvitationRequests.MAX_ITEMS);
        // Checked as AMC would; the sandbox sends no mail, so the flag itself changes nothing here.
        SandboxInvitationRequests.notifyInvitedUsers(endpoint, request);
        SandboxAccountState account = state.account(accountId).orElseThrow();
        Instant now = state.now();
        List<SandboxItemOutcome<SandboxWire.StateChange>> outcomes = items.stream()
                .map(item -> account.change(SandboxRequests.text(item.path("invitationId")),
                        SandboxRequests.text(item.path("state")), now, config.invitationTtl()))
                .toList();
        return replies.ok(endpoint, SandboxMediaTypes.of(endpoint), SandboxWire.Batch.of(outcomes, change -> change));
    }

    /** Every state, not just pending ones: the facade filters on its side. */
    Response list(String endpoint, String accountId, String body) {
        JsonNode request = SandboxRequests.object(mapper, endpoint, body);
        int maxResults = SandboxPaging.maxResults(endpoint, request.get("maxResults"), "maxResults",
                SandboxInvitationRequests.MAX_ITEMS);
        List<SandboxInvitation> invitations = state.account(accountId).orElseThrow().invitations();
        int from = SandboxPaging.offset(endpoint, PAGED_LIST, accountId, request.get("nextToken"), invitations.size());
        int to = Math.min(invitations.size(), from + maxResults);
        Instant now = state.now();
        String nextToken = to < invitations.size() ? SandboxPaging.nextToken(PAGED_LIST, accountId, to) : null;
        List<SandboxWire.Invitation> page = invitations.subList(from, to).stream().map(i -> i.toWire(now)).toList();
        return replies.ok(endpoint, SandboxMediaTypes.of(endpoint), new SandboxWire.Page(page, nextToken));
    }
}
