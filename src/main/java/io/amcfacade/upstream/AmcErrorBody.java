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
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            Map<String, Object> fields = JSON.readValue(body, new TypeReference<Map<String, Object>>() {
            });
            Object message = fields.getOrDefault("message", fields.get("details"));
            return message == null ? null : truncate(message.toString());
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String truncate(String message) {
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "…";
    }
}
