package io.amcfacade.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The account administrator's side of the simulated invitation API: create and update in batches
 * (per-item errors inside a 200) and list every invitation of the account, page by page.
 */
@ApplicationScoped
class SandboxInvitationsAsAdmin {

    @Inject
    SandboxState state;
    @Inject
    SandboxReplies replies;
    @Inject
    SandboxConfig config;
    @Inject
    ObjectMapper mapper;

    Response create(String endpoint, String accountId, String body) {
        JsonNode request = SandboxInvitationRequests.object(mapper, endpoint, body);
        List<JsonNode> items = SandboxInvitationRequests.items(endpoint, request, "userInvitationRequests");
        boolean notify = SandboxInvitationRequests.notifyInvitedUsers(endpoint, request);
        SandboxAccountState account = state.account(accountId).orElseThrow();
        Instant now = state.now();
        List<SandboxItemOutcome<SandboxInvitation>> outcomes = items.stream()
                .map(item -> SandboxInvitationRequests.invitee(item)
                        .andThen(invitee -> account.invite(invitee, notify, now, config.invitationTtl())))
                .toList();
        return replies.ok(endpoint, SandboxWire.Batch.of(outcomes, invitation -> invitation.toWire(now)));
    }

    Response update(String endpoint, String accountId, String body) {
        JsonNode request = SandboxInvitationRequests.object(mapper, endpoint, body);
        List<JsonNode> items = SandboxInvitationRequests.items(endpoint, request, "updates");
        // Checked as AMC would; the sandbox sends no mail, so the flag itself changes nothing here.
        SandboxInvitationRequests.notifyInvitedUsers(endpoint, request);
        SandboxAccountState account = state.account(accountId).orElseThrow();
        Instant now = state.now();
        List<SandboxItemOutcome<SandboxWire.StateChange>> outcomes = items.stream()
                .map(item -> account.change(SandboxInvitationRequests.text(item.path("invitationId")),
                        SandboxInvitationRequests.text(item.path("state")), now, config.invitationTtl()))
                .toList();
        return replies.ok(endpoint, SandboxWire.Batch.of(outcomes, change -> change));
    }

    /** Every state, not just pending ones: the facade filters on its side. */
    Response list(String endpoint, String accountId, String body) {
        JsonNode request = SandboxInvitationRequests.object(mapper, endpoint, body);
        int maxResults = maxResults(endpoint, request.get("maxResults"));
        List<SandboxInvitation> invitations = state.account(accountId).orElseThrow().invitations();
        int from = offset(endpoint, accountId, request.get("nextToken"), invitations.size());
        int to = Math.min(invitations.size(), from + maxResults);
        Instant now = state.now();
        String nextToken = to < invitations.size() ? nextToken(accountId, to) : null;
        List<SandboxWire.Invitation> page = invitations.subList(from, to).stream().map(i -> i.toWire(now)).toList();
        return replies.ok(endpoint, new SandboxWire.Page(page, nextToken));
    }

    private static int maxResults(String endpoint, JsonNode value) {
        if (value == null || value.isNull()) {
            return SandboxInvitationRequests.MAX_ITEMS;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()
                || value.intValue() < 1 || value.intValue() > SandboxInvitationRequests.MAX_ITEMS) {
            throw new SandboxRejection(endpoint, 400, "maxResults must be between 1 and " + SandboxInvitationRequests.MAX_ITEMS);
        }
        return value.intValue();
    }

    /** Tokens name their account, so one account's token cannot page through another's invitations. */
    private static String nextToken(String accountId, int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((accountId + ":" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String endpoint, String accountId, JsonNode token, int size) {
        if (token == null || token.isNull()) {
            return 0;
        }
        try {
            String decoded = token.isTextual()
                    ? new String(Base64.getUrlDecoder().decode(token.textValue()), StandardCharsets.UTF_8)
                    : "";
            String prefix = accountId + ":";
            if (decoded.startsWith(prefix)) {
                int offset = Integer.parseInt(decoded.substring(prefix.length()));
                if (offset >= 0 && offset <= size) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // Not base64 or not a number: refused below like any other unknown token.
        }
        throw new SandboxRejection(endpoint, 400, "Invalid nextToken");
    }
}
