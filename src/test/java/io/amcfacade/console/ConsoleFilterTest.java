package io.amcfacade.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import jakarta.ws.rs.core.MultivaluedHashMap;
import org.junit.jupiter.api.Test;

import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.audit.query.AuditCriteria;

/** The console's filters read by name, their mistakes answered as values: every bad field at once, none thrown. */
class ConsoleFilterTest {

    @Test
    void activityFieldsAreReadByNameAndADateToIncludesThatDay() {
        Parsed<ConsoleFilter> parsed = ConsoleFilter.parse(query("outcome", "FAILED", "to", "2026-12-01", "actor", " ops ",
                "targetId", ""));

        assertThat(parsed.errors()).isEmpty();
        ConsoleFilter filter = parsed.value();
        assertThat(filter.actor()).isEqualTo("ops");
        assertThat(filter.targetId()).as("blank is absent").isNull();
        assertThat(filter.outcome()).isEqualTo(AuditOutcome.FAILED);
        assertThat(filter.to().instant()).isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
        assertThat(filter.query()).isEqualTo("actor=ops&outcome=FAILED&to=2026-12-01");
    }

    @Test
    void activityFieldsBecomeTheApisCriteriaByName() {
        ConsoleFilter filter = ConsoleFilter.parse(query("outcome", "FAILED", "to", "2026-12-01", "actor", "ops",
                "targetId", "Dora@Example.com")).value();

        assertThat(filter.toCriteria()).isEqualTo(AuditCriteria.all().actor("ops").targetId("Dora@Example.com")
                .outcome(AuditOutcome.FAILED).to(OffsetDateTime.parse("2026-12-02T00:00:00Z")));
        assertThat(ConsoleFilter.NONE.toCriteria()).isEqualTo(AuditCriteria.all());
    }

    @Test
    void everyMalformedFieldIsNamedAtOnce() {
        Parsed<ConsoleFilter> parsed = ConsoleFilter.parse(query("outcome", "MAYBE", "from", "yesterday", "to", "2026-13-01"));

        assertThat(parsed.errors()).extracting(FieldError::field).containsExactly("outcome", "from", "to");
        assertThat(parsed.errors().get(1).rule()).isEqualTo(ConsoleTime.RULE);
        assertThat(parsed.value().outcome()).as("a malformed field reads as absent").isNull();
    }

    @Test
    void accessReadsItsDateInTheViewersZoneAndHoldsTheApisRules() {
        Parsed<AccessFilter> tokyo = AccessFilter.parse(query("asOf", "2026-03-31", "zone", "Asia/Tokyo", "accountId", "A1"));
        assertThat(tokyo.errors()).isEmpty();
        assertThat(tokyo.value().instant()).as("the end of that day in Tokyo").isEqualTo(Instant.parse("2026-03-31T15:00:00Z"));
        assertThat(tokyo.value().zoneId()).isEqualTo(ZoneId.of("Asia/Tokyo"));

        Parsed<AccessFilter> bad = AccessFilter.parse(query("accountId", "a b", "role", "r".repeat(65), "zone", "Mars/Olympus"));
        assertThat(bad.errors()).containsExactly(new FieldError("zone", "must be a time zone such as Europe/Berlin or UTC"),
                new FieldError("accountId", QueryFields.ID_RULE), new FieldError("role", "must be at most 64 characters"));
    }

    private static MultivaluedHashMap<String, String> query(String... pairs) {
        MultivaluedHashMap<String, String> query = new MultivaluedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            query.add(pairs[i], pairs[i + 1]);
        }
        return query;
    }
}
