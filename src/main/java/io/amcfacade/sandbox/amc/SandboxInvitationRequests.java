package io.amcfacade.sandbox.amc;

import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.amcfacade.sandbox.SandboxRejection;
import io.amcfacade.sandbox.SandboxRequests;

/**
 * The invitation API's own body rules: the batch limit, the notification flag, and the per-item rules
 * of create, which fail only their own item. Generic JSON reading is {@link SandboxRequests}.
 */
final class SandboxInvitationRequests {

    static final int MAX_ITEMS = 50;
    private static final int MAX_USER_NAME_LENGTH = 100;
    private static final Set<String> ROLES = Set.of("admin", "viewer");

    private SandboxInvitationRequests() {
    }

    /** AMC's default is false: invitees hear nothing unless the caller asks. */
    static boolean notifyInvitedUsers(String endpoint, JsonNode body) {
        JsonNode flag = body.get("notifyInvitedUsers");
        if (flag == null || flag.isNull()) {
            return false;
        }
        if (!flag.isBoolean()) {
            throw new SandboxRejection(endpoint, 400, "notifyInvitedUsers must be a boolean");
        }
        return flag.booleanValue();
    }

    static SandboxItemOutcome<SandboxInvitation.Invitee> invitee(JsonNode item) {
        String email = SandboxRequests.text(item.path("user").path("emailAddress"));
        String userName = SandboxRequests.text(item.path("user").path("userName"));
        JsonNode permissionSet = item.path("permissionSet");
        String role = SandboxRequests.text(permissionSet.path("role").path("name"));
        if (!SandboxRequests.isPlausibleEmail(email)) {
            return SandboxItemOutcome.failed("INVALID_EMAIL", "Invalid email address",
                    "user.emailAddress must be an email address of at most " + SandboxRequests.maxEmailLength() + " characters", email);
        }
        if (userName == null || userName.isBlank() || userName.length() > MAX_USER_NAME_LENGTH) {
            return SandboxItemOutcome.failed("INVALID_USER_NAME", "Invalid user name",
                    "user.userName is required and at most " + MAX_USER_NAME_LENGTH + " characters", email);
        }
        if (!"ROLE".equals(SandboxRequests.text(permissionSet.path("type"))) || role == null
                || !ROLES.contains(role.toLowerCase(Locale.ROOT))) {
            return SandboxItemOutcome.failed("INVALID_ROLE", "Invalid permission set",
                    "permissionSet must be of type ROLE with role name admin or viewer", email);
        }
        return SandboxItemOutcome.succeeded(new SandboxInvitation.Invitee(email, userName, role.toLowerCase(Locale.ROOT)));
    }
}
