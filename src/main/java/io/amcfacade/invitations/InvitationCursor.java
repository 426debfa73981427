package io.amcfacade.invitations;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;

/**
 * The facade's opaque list cursor: AMC's {@code nextToken} of the page being read and how many of
 * its invitations were already handed out.
 */
record InvitationCursor(String upstreamToken, int skip) {

    static final InvitationCursor START = new InvitationCursor(null, 0);
    private static final String VERSION = "i1";

    String encode() {
        String raw = VERSION + "|" + skip + "|" + (upstreamToken == null ? "" : upstreamToken);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static InvitationCursor decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return START;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 3);
            if (parts.length == 3 && parts[0].equals(VERSION)) {
                int skip = Integer.parseInt(parts[1]);
                if (skip >= 0) {
                    return new InvitationCursor(parts[2].isEmpty() ? null : parts[2], skip);
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal below
        }
        throw new ProblemException(Problems.invalidField("cursor", "is not a cursor this service issued"));
    }
}
