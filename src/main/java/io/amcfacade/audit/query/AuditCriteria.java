package io.amcfacade.audit.query;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

import io.amcfacade.api.model.AuditOutcome;

/**
 * Which actions a read of the trail selects, built by name: {@code AuditCriteria.all().actor("ops").outcome(FAILED)}.
 * The same criteria drive the paged list, the counts and the export ({@link AuditCriteriaSql}), so all three
 * always select the same actions. A criterion left unset selects any value; each builder returns a new
 * criteria and leaves this one as it was.
 */
public final class AuditCriteria {

    private static final AuditCriteria ALL = new AuditCriteria(null, null, null, null, null, null, null, null, null);

    private final String action;
    private final AuditOutcome outcome;
    private final String actor;
    private final String accountId;
    private final String targetId;
    private final String onBehalfOf;
    private final OffsetDateTime from;
    private final OffsetDateTime to;
    private final String region;

    private AuditCriteria(String action, AuditOutcome outcome, String actor, String accountId, String targetId,
            String onBehalfOf, OffsetDateTime from, OffsetDateTime to, String region) {
        this.action = action;
        this.outcome = outcome;
        this.actor = actor;
        this.accountId = accountId;
        this.targetId = targetId;
        this.onBehalfOf = onBehalfOf;
        this.from = from;
        this.to = to;
        this.region = region;
    }

    /** Every action in the trail. */
    public static AuditCriteria all() {
        return ALL;
    }

    /** Actions recorded as {@code action} (an {@code AuditAction} name, as the API takes it). */
    public AuditCriteria action(String value) {
        return new AuditCriteria(value, outcome, actor, accountId, targetId, onBehalfOf, from, to, region);
    }

    /** Actions that ended so; {@code PENDING} and {@code UNKNOWN} also select actions without an outcome, by age. */
    public AuditCriteria outcome(AuditOutcome value) {
        return new AuditCriteria(action, value, actor, accountId, targetId, onBehalfOf, from, to, region);
    }

    /** Actions whose caller's token subject is {@code value}. */
    public AuditCriteria actor(String value) {
        return new AuditCriteria(action, outcome, value, accountId, targetId, onBehalfOf, from, to, region);
    }

    public AuditCriteria accountId(String value) {
        return new AuditCriteria(action, outcome, actor, value, targetId, onBehalfOf, from, to, region);
    }

    /** Actions that touched {@code value}: an email (any case), a user, an invitation, an instance or an event. */
    public AuditCriteria targetId(String value) {
        return new AuditCriteria(action, outcome, actor, accountId, value, onBehalfOf, from, to, region);
    }

    /** Actions taken on behalf of {@code value} ({@code X-On-Behalf-Of}). */
    public AuditCriteria onBehalfOf(String value) {
        return new AuditCriteria(action, outcome, actor, accountId, targetId, value, from, to, region);
    }

    /**
     * Actions recorded at or after {@code value}. Times are kept in UTC: Java reads offsets up to ±18:00,
     * PostgreSQL only up to ±15:59, and an instant is the same instant whatever offset the caller wrote.
     */
    public AuditCriteria from(OffsetDateTime value) {
        return new AuditCriteria(action, outcome, actor, accountId, targetId, onBehalfOf, utc(value), to, region);
    }

    /** Actions recorded before {@code value} (exclusive), kept in UTC as {@link #from(OffsetDateTime)}. */
    public AuditCriteria to(OffsetDateTime value) {
        return new AuditCriteria(action, outcome, actor, accountId, targetId, onBehalfOf, from, utc(value), region);
    }

    /**
     * Actions whose AMC calls went to {@code value}'s host ({@code na}, {@code eu}, {@code fe}, as the outcome record
     * keeps it); an action that called no region is not selected.
     */
    public AuditCriteria region(String value) {
        return new AuditCriteria(action, outcome, actor, accountId, targetId, onBehalfOf, from, to, value);
    }

    public String action() {
        return action;
    }

    public AuditOutcome outcome() {
        return outcome;
    }

    public String actor() {
        return actor;
    }

    public String accountId() {
        return accountId;
    }

    public String targetId() {
        return targetId;
    }

    public String onBehalfOf() {
        return onBehalfOf;
    }

    /** The start of the range in UTC, or {@code null} for the beginning of the trail. */
    public OffsetDateTime from() {
        return from;
    }

    /** The end of the range in UTC, or {@code null} for now. */
    public OffsetDateTime to() {
        return to;
    }

    public String region() {
        return region;
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AuditCriteria that && Objects.equals(action, that.action) && outcome == that.outcome
                && Objects.equals(actor, that.actor) && Objects.equals(accountId, that.accountId)
                && Objects.equals(targetId, that.targetId) && Objects.equals(onBehalfOf, that.onBehalfOf)
                && Objects.equals(from, that.from) && Objects.equals(to, that.to) && Objects.equals(region, that.region);
    }

    @Override
    public int hashCode() {
        return Objects.hash(action, outcome, actor, accountId, targetId, onBehalfOf, from, to, region);
    }

    @Override
    public String toString() {
        return "AuditCriteria[action=" + action + ", outcome=" + outcome + ", actor=" + actor + ", accountId=" + accountId
                + ", targetId=" + targetId + ", onBehalfOf=" + onBehalfOf + ", from=" + from + ", to=" + to + ", region=" + region + "]";
    }
}
