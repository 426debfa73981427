package io.amcfacade.audit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;

/** The opaque keyset cursor of the audit API: the position of the last event of a page. */
final class AuditCursor {

    private static final String PREFIX = "seq:";

    private AuditCursor() {
    }

    static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + seq).getBytes(StandardCharsets.UTF_8));
    }

    static Long decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String value = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (value.startsWith(PREFIX)) {
                return Long.parseLong(value.substring(PREFIX.length()));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal below; NumberFormatException is an IllegalArgumentException
        }
        throw new ProblemException(Problems.invalidField("cursor", "is not a cursor this service issued"));
    }
}
