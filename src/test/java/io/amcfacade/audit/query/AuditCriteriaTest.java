package io.amcfacade.audit.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.amcfacade.api.model.AuditOutcome;

/** The audit's criteria built by name, and the SQL and parameters they become: plain functions, no database. */
class AuditCriteriaTest {

    private static final Instant PENDING_SINCE = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void noCriteriaSelectEveryActionWithNothingToBind() {
        AuditCriteriaSql.Where where = AuditCriteriaSql.where(AuditCriteria.all(), PENDING_SINCE);

        assertThat(where.sql()).isEqualTo("i.kind = 'INTENT'");
        assertThat(where.params()).isEmpty();
    }

    @Test
    void namedCriteriaBecomeTheirColumnsInOneOrderWhateverTheOrderTheyWereNamedIn() {
        AuditCriteria criteria = AuditCriteria.all().onBehalfOf("dora").accountId("A1").actor("ops").action("USER_REMOVE");

        AuditCriteriaSql.Where where = AuditCriteriaSql.where(criteria, PENDING_SINCE);

        assertThat(where.sql()).isEqualTo("i.kind = 'INTENT' AND i.action = ? AND i.actor_subject = ? AND i.account_id = ?"
                + " AND i.on_behalf_of = ?");
        assertThat(where.params()).containsExactly("USER_REMOVE", "ops", "A1", "dora");
    }

    @Test
    void timesAreComparedInUtcWhateverOffsetTheCallerWrote() {
        OffsetDateTime farEast = OffsetDateTime.parse("2026-12-02T03:00:00+18:00");

        AuditCriteria criteria = AuditCriteria.all().from(farEast).to(farEast.plusDays(1));

        assertThat(criteria.from()).isEqualTo(OffsetDateTime.parse("2026-12-01T09:00:00Z"));
        assertThat(criteria.from().getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(AuditCriteriaSql.where(criteria, PENDING_SINCE).params()).containsExactly(
                OffsetDateTime.parse("2026-12-01T09:00:00Z"), OffsetDateTime.parse("2026-12-02T09:00:00Z"));
    }

    @Test
    void aTargetEmailIsFoundInAnyCaseAndAnInvitationIdAsWritten() {
        assertThat(AuditCriteriaSql.where(AuditCriteria.all().targetId("Bob@Example.com"), PENDING_SINCE).params())
                .containsExactly("bob@example.com");
        assertThat(AuditCriteriaSql.where(AuditCriteria.all().targetId("INV-Ab1"), PENDING_SINCE).params())
                .containsExactly("INV-Ab1");
    }

    @Test
    void aFailureOutcomeIsBoundAsItsNameAndBoundedByTheRangeStart() {
        OffsetDateTime from = OffsetDateTime.parse("2026-12-01T00:00:00Z");

        AuditCriteriaSql.Where where = AuditCriteriaSql.where(AuditCriteria.all().outcome(AuditOutcome.FAILED).from(from),
                PENDING_SINCE);

        assertThat(where.sql()).endsWith("AND o.outcome <> 'SUCCEEDED' AND o.outcome = ? AND o.recorded_at >= ?)");
        assertThat(where.params()).containsExactly(from, "FAILED", from);
    }

    @Test
    void pendingAndUnknownAreDecidedByTheAgeOfAnIntentWithoutOutcome() {
        OffsetDateTime since = PENDING_SINCE.atOffset(ZoneOffset.UTC);

        AuditCriteriaSql.Where pending = AuditCriteriaSql.where(AuditCriteria.all().outcome(AuditOutcome.PENDING), PENDING_SINCE);
        AuditCriteriaSql.Where unknown = AuditCriteriaSql.where(AuditCriteria.all().outcome(AuditOutcome.UNKNOWN), PENDING_SINCE);

        assertThat(pending.sql()).contains("AND NOT EXISTS").endsWith("AND i.recorded_at > ?");
        assertThat(pending.params()).containsExactly(since);
        assertThat(unknown.sql()).contains("i.recorded_at <= ?").contains("o.outcome = 'UNKNOWN'");
        assertThat(unknown.params()).containsExactly(since);
    }

    @Test
    void eachBuilderLeavesTheCriteriaItStartedFromAsTheyWere() {
        AuditCriteria failed = AuditCriteria.all().outcome(AuditOutcome.FAILED);

        AuditCriteria ops = failed.actor("ops");

        assertThat(AuditCriteria.all().outcome()).isNull();
        assertThat(failed.actor()).isNull();
        assertThat(ops).isEqualTo(AuditCriteria.all().actor("ops").outcome(AuditOutcome.FAILED)).isNotEqualTo(failed);
    }
}
