package io.amcfacade.upstream;

import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads AMC's error bodies, whose shape differs per API: {@code {"message","requestId"}},
 * {@code {"code","message"}}, {@code {"code","details"}}.
 */
final class AmcErrorBody {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE = 300;

    private AmcErrorBody() {
    }

    static String message(String body) {
        Map<String, Object> fields = fields(body);
        Object message = fields.getOrDefault("message", fields.get("details"));
        return message == null ? null : truncate(message.toString());
    }

    /** The {@code requestId} the accounts API writes into its error bodies; {@code null} otherwise. */
    static String requestId(String body) {
        Object requestId = fields(body).get("requestId");
        return requestId == null ? null : truncate(requestId.toString());
    }

    /** The {@code code} of the APIs that send one; {@code null} otherwise. */
    static String code(String body) {
        Object code = fields(body).get("code");
        return code == null ? null : truncate(code.toString());
    }

    private static Map<String, Object> fields(String body) {
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, Object> fields = JSON.readValue(body, new TypeReference<Map<String, Object>>() {
            });
            return fields == null ? Map.of() : fields;
        } catch (java.io.IOException e) {
            return Map.of();
        }
    }

    private static String truncate(String message) {
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "…";
    }
}
