package io.amcfacade.audit.query;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;

/** The opaque keyset cursor of the audit API: the position (time, seq) of the last action of a page. */
record AuditCursor(Instant recordedAt, long seq) {

    private static final String VERSION = "a1";

    String encode() {
        String raw = VERSION + ":" + recordedAt.getEpochSecond() + ":" + recordedAt.getNano() + ":" + seq;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static AuditCursor decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
            if (parts.length == 4 && parts[0].equals(VERSION)) {
                return new AuditCursor(Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2])),
                        Long.parseLong(parts[3]));
            }
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            // falls through to the refusal below; NumberFormatException is an IllegalArgumentException
        }
        throw new ProblemException(Problems.invalidField("cursor", "is not a cursor this service issued"));
    }
}
