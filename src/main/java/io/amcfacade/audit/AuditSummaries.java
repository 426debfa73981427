package io.amcfacade.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Redacted request summaries for {@link AuditTrail#intend}: features build them from chosen fields,
 * never from raw bodies or headers.
 */
public final class AuditSummaries {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditSummaries() {
    }

    public static String of(Object summary) {
        try {
            return JSON.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Unserialisable audit summary", e);
        }
    }
}
