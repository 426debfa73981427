package io.amcfacade.upstream;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * AMC's user-invitation API as it is on the wire. Unknown fields AMC adds later are ignored, and so is an
 * optional field of another type than expected ({@link AmcJson}).
 */
public final class AmcInvitationWire {

    private AmcInvitationWire() {
    }

    /**
     * {@code createdAt} and {@code expiration} are epoch numbers (fractions allowed; seconds in Amazon's
     * examples, milliseconds tolerated). {@code countries} ({@code [{"countryCode":"US"}]}) is kept as read:
     * the facade shows no countries of invitations, and no shape of it may fail a call.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Invitation(String invitationId, String state, Double createdAt, Double expiration, String createdBy,
            String targetId, User user, PermissionSet permissionSet, JsonNode countries) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record User(String emailAddress, String userName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PermissionSet(String type, RoleName role) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RoleName(String name) {
    }

    public record InvitationRequest(User user, PermissionSet permissionSet) {
    }

    public record CreateRequest(List<InvitationRequest> userInvitationRequests, boolean notifyInvitedUsers) {
    }

    /** A per-item failure inside a 200; {@code identifier} points at the failed request item. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ItemError(String errorCode, String errorMessage, String errorDetail, String identifier) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CreateResult(List<Invitation> successes, List<ItemError> errors) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Update(String invitationId, String state) {
    }

    public record UpdateRequest(List<Update> updates, boolean notifyInvitedUsers) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UpdateResult(List<Update> successes, List<ItemError> errors) {
    }

    public record ListRequest(int maxResults, String nextToken) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<Invitation> invitations, String nextToken) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InvitationWithTerms(Invitation invitation, List<String> termsTypes) {
    }

    public record RedeemRequest(String invitationId) {
    }
}
