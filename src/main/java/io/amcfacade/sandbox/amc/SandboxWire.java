package io.amcfacade.sandbox.amc;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON shapes the simulated user-invitation API writes, field for field as AMC names them. */
final class SandboxWire {

    private SandboxWire() {
    }

    record Invitation(String invitationId, String state, long createdAt, long expiration, String createdBy,
            String targetId, User user, PermissionSet permissionSet, List<Country> countries) {
    }

    /** The invitations API writes countries as objects, not as bare codes. */
    record Country(String countryCode) {
    }

    record User(String emailAddress, String userName) {
    }

    record PermissionSet(String type, Role role) {
    }

    record Role(String name) {
    }

    /** A failed batch item; {@code identifier} is left out when the item carried none. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ItemError(String errorCode, String errorMessage, String errorDetail, String identifier) {
    }

    record StateChange(String invitationId, String state) {
    }

    /** A batch answer: per-item failures come inside the 200, next to the successes. */
    record Batch<T>(List<T> successes, List<ItemError> errors) {

        static <S, T> Batch<T> of(List<SandboxItemOutcome<S>> outcomes, Function<S, T> toWire) {
            return new Batch<>(
                    outcomes.stream().filter(o -> !o.isError()).map(o -> toWire.apply(o.success())).toList(),
                    outcomes.stream().filter(SandboxItemOutcome::isError).map(SandboxItemOutcome::error).toList());
        }
    }

    /** One page of a list; {@code nextToken} is absent on the last page. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Page(List<Invitation> invitations, String nextToken) {
    }

    record InvitationDetails(Invitation invitation, List<String> termsTypes) {
    }

    record Message(String message) {
    }
}
