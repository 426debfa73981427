package io.amcfacade.invitations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Redacted request summaries for the audit trail: built from chosen fields, never from raw bodies or headers. */
final class Summaries {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Summaries() {
    }

    static String of(Object summary) {
        try {
            return JSON.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Unserialisable audit summary", e);
        }
    }
}
