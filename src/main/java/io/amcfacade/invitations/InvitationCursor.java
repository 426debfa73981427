package io.amcfacade.invitations;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.amcfacade.api.model.InvitationState;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;

/**
 * The facade's opaque list cursor: AMC's {@code nextToken} of the page being read and how many of
 * its invitations were already handed out, bound to the list it was made for (account and state
 * filter): reused on another list it would skip that list's invitations silently, so it is refused.
 */
record InvitationCursor(String upstreamToken, int skip) {

    static final InvitationCursor START = new InvitationCursor(null, 0);
    private static final String VERSION = "i2";

    /** What a cursor is bound to: {@code ENTITY1|PENDING}, {@code ENTITY1|*} without a state filter. */
    static String scope(String accountId, InvitationState state) {
        return accountId + "|" + (state == null ? "*" : state.name());
    }

    String encode(String scope) {
        String raw = VERSION + "|" + scope + "|" + skip + "|" + (upstreamToken == null ? "" : upstreamToken);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static InvitationCursor decode(String cursor, String scope) {
        if (cursor == null || cursor.isEmpty()) {
            return START;
        }
        String prefix = VERSION + "|" + scope + "|";
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.startsWith(prefix) ? raw.substring(prefix.length()).split("\\|", 2) : new String[0];
            if (parts.length == 2) {
                int skip = Integer.parseInt(parts[0]);
                if (skip >= 0) {
                    return new InvitationCursor(parts[1].isEmpty() ? null : parts[1], skip);
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal below
        }
        throw new ProblemException(Problems.invalidField("cursor", "is not a cursor this service issued for this list"));
    }
}
