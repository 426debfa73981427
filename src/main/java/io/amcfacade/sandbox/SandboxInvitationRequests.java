package io.amcfacade.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the bodies of the simulated invitation API: rules on the whole request throw a
 * {@link SandboxRejection} (a 400), while the per-item rules of create fail only their own item.
 */
final class SandboxInvitationRequests {

    static final int MAX_ITEMS = 50;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int MAX_EMAIL_LENGTH = 254;
    private static final int MAX_USER_NAME_LENGTH = 100;
    private static final Set<String> ROLES = Set.of("admin", "viewer");

    private SandboxInvitationRequests() {
    }

    static JsonNode object(ObjectMapper mapper, String endpoint, String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : mapper.readTree(body);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JsonProcessingException e) {
            // Answered below like any other body that is not a JSON object.
        }
        throw new SandboxRejection(endpoint, 400, "Request body must be a JSON object");
    }

    /** The 1 to 50 items of a batch; AMC refuses the whole request outside that range. */
    static List<JsonNode> items(String endpoint, JsonNode body, String field) {
        JsonNode items = body.get(field);
        if (items == null || !items.isArray() || items.isEmpty() || items.size() > MAX_ITEMS) {
            throw new SandboxRejection(endpoint, 400, field + " must contain between 1 and " + MAX_ITEMS + " items");
        }
        List<JsonNode> result = new ArrayList<>();
        items.forEach(result::add);
        return result;
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
        String email = text(item.path("user").path("emailAddress"));
        String userName = text(item.path("user").path("userName"));
        JsonNode permissionSet = item.path("permissionSet");
        String role = text(permissionSet.path("role").path("name"));
        if (!isPlausibleEmail(email)) {
            return SandboxItemOutcome.failed("INVALID_EMAIL", "Invalid email address",
                    "user.emailAddress must be an email address of at most " + MAX_EMAIL_LENGTH + " characters", email);
        }
        if (userName == null || userName.isBlank() || userName.length() > MAX_USER_NAME_LENGTH) {
            return SandboxItemOutcome.failed("INVALID_USER_NAME", "Invalid user name",
                    "user.userName is required and at most " + MAX_USER_NAME_LENGTH + " characters", email);
        }
        if (!"ROLE".equals(text(permissionSet.path("type"))) || role == null || !ROLES.contains(role.toLowerCase(Locale.ROOT))) {
            return SandboxItemOutcome.failed("INVALID_ROLE", "Invalid permission set",
                    "permissionSet must be of type ROLE with role name admin or viewer", email);
        }
        return SandboxItemOutcome.succeeded(new SandboxInvitation.Invitee(email, userName, role.toLowerCase(Locale.ROOT)));
    }

    static boolean isPlausibleEmail(String email) {
        return email != null && email.length() <= MAX_EMAIL_LENGTH && EMAIL.matcher(email).matches();
    }

    /** A string field's value, or null when it is absent or not a string. */
    static String text(JsonNode node) {
        return node.isTextual() ? node.textValue() : null;
    }
}
