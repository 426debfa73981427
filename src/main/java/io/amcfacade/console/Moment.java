package io.amcfacade.console;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.quarkus.qute.TemplateData;

/**
 * A point in time as a page shows it: UTC in the markup (and on hover), which console.js turns into the
 * viewer's own zone; without JavaScript the UTC text stays.
 */
@TemplateData
public record Moment(String iso, String utc) {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    static Moment of(OffsetDateTime time) {
        if (time == null) {
            return null;
        }
        OffsetDateTime utc = time.withOffsetSameInstant(ZoneOffset.UTC);
        return new Moment(DateTimeFormatter.ISO_INSTANT.format(utc), SHOWN.format(utc));
    }
}
