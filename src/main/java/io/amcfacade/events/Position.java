package io.amcfacade.events;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A subscription's position in the sealed trail, as {@code audit.query.SealedActions} orders it: everything up to
 * the outcome {@code seq} of seal {@code sealId} ({@code seq} {@link Long#MAX_VALUE}: all of that seal). Shown to
 * callers as an opaque cursor.
 */
record Position(long sealId, long seq) {

    private static final String VERSION = "e1";

    /** The end of a seal: everything it covers. */
    static Position endOf(long sealId) {
        return new Position(sealId, Long.MAX_VALUE);
    }

    String encode() {
        String raw = VERSION + ":" + sealId + ":" + seq;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /** The position a cursor names; an {@link IllegalArgumentException} for anything this service did not issue. */
    static Position decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split(":");
            if (parts.length == 3 && parts[0].equals(VERSION)) {
                Position position = new Position(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
                if (position.sealId() >= 0 && position.seq() >= 0) {
                    return position;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through: NumberFormatException is one too
        }
        throw new IllegalArgumentException("is not a cursor this service issued");
    }
}
