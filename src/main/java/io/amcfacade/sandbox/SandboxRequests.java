package io.amcfacade.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the JSON bodies of the simulated APIs the way AMC does: leniently about what it ignores,
 * strictly about the rules of the whole request, which throw a {@link SandboxRejection} (a 400).
 */
public final class SandboxRequests {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int MAX_EMAIL_LENGTH = 254;

    private SandboxRequests() {
    }

    public static JsonNode object(ObjectMapper mapper, String endpoint, String body) {
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

    /** The 1 to {@code max} items of a batch; AMC refuses the whole request outside that range. */
    public static List<JsonNode> items(String endpoint, JsonNode body, String field, int max) {
        JsonNode items = body.get(field);
        if (items == null || !items.isArray() || items.isEmpty() || items.size() > max) {
            throw new SandboxRejection(endpoint, 400, field + " must contain between 1 and " + max + " items");
        }
        List<JsonNode> result = new ArrayList<>();
        items.forEach(result::add);
        return result;
    }

    /** A string field's value, or null when it is absent or not a string. */
    public static String text(JsonNode node) {
        return node.isTextual() ? node.textValue() : null;
    }

    /** An invitee's address, as the invitation API and the invitee-token control both accept it. */
    public static boolean isPlausibleEmail(String email) {
        return email != null && email.length() <= MAX_EMAIL_LENGTH && EMAIL.matcher(email).matches();
    }

    public static int maxEmailLength() {
        return MAX_EMAIL_LENGTH;
    }
}
