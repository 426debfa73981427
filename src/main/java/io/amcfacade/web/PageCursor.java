package io.amcfacade.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;

/**
 * The facade's opaque list cursor over an AMC list that pages with a {@code nextToken}: AMC's token,
 * bound to the list and account it came from, so a cursor cannot be replayed against another list or
 * account, and AMC's token format stays AMC's business.
 */
public final class PageCursor {

    private static final String VERSION = "p1";

    private PageCursor() {
    }

    /** The cursor for the next page, or {@code null} when AMC says this was the last one. */
    public static String next(String list, String accountId, String upstreamToken) {
        if (upstreamToken == null || upstreamToken.isBlank()) {
            return null;
        }
        String raw = VERSION + "|" + list + "|" + accountId + "|" + upstreamToken;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** AMC's token behind {@code cursor}; {@code null} (the first page) without one. A foreign cursor is a 400. */
    public static String upstreamToken(String list, String accountId, String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        String prefix = VERSION + "|" + list + "|" + accountId + "|";
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (raw.startsWith(prefix) && raw.length() > prefix.length()) {
                return raw.substring(prefix.length());
            }
        } catch (IllegalArgumentException e) {
            // Not base64url: refused below like any other cursor this service did not issue.
        }
        throw new ProblemException(Problems.invalidField("cursor", "is not a cursor this service issued for this list"));
    }
}
