package io.amcfacade.console;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A time as a form sent it ({@code text}, shown again in the form and kept in links) and the instant it
 * means ({@link ConsoleTime}: a bare date may mean the start or the end of that day).
 */
public record TimeField(String text, Instant instant) {

    /** The instant in UTC, as the audit queries take it; {@code null} for no field. */
    static OffsetDateTime utc(TimeField field) {
        return field == null ? null : field.instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(TimeField field) {
        return field == null ? null : field.instant;
    }

    static String text(TimeField field) {
        return field == null ? null : field.text;
    }
}
