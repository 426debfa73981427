package io.amcfacade.audit.storage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.amcfacade.text.ControlCharacters;

/**
 * One row of {@code audit_records}: an intent, details, target or outcome of an audited action.
 * Fields a kind does not use stay {@code null}. Times are kept to the microsecond, as PostgreSQL
 * stores them, so the content hash is the same before and after the round trip. {@code recordedAt} is
 * set by the database clock on insert; the value here until then is only the writer's estimate.
 */
public final class TrailRecord {

    public enum Kind {
        INTENT, DETAILS, TARGET, OUTCOME
    }

    public Long seq;
    public Long txid;
    public Instant recordedAt;
    public UUID eventId;
    public Kind kind;
    public Instant occurredAt;
    public String actorSubject;
    public String actorName;
    public String actorRoles;
    public String onBehalfOf;
    public String clientIp;
    public String userAgent;
    public String correlationId;
    /** The request's trace id (tracing on); outside the content hash and the MAC (V60). */
    public String traceId;
    public String action;
    public String httpMethod;
    public String path;
    public String accountId;
    public String idempotencyKey;
    public String targetKind;
    public String targetId;
    public Integer position;
    public String role;
    public String outcome;
    public String errorCode;
    public String requestSummary;
    public Integer httpStatus;
    public String detail;
    public Integer upstreamStatus;
    public String upstreamRequestId;
    public Integer upstreamAttempts;
    public Long latencyMs;
    /** The region whose AMC host the action's calls went to ({@code na}, {@code eu}, {@code fe}); in the hash when set (V81). */
    public String upstreamRegion;
    public String contentHash;
    /** HMAC of the content hash under the service's key (null on records of the previous version). */
    public String recordMac;

    /**
     * Writes control characters as {@code \\uXXXX} in every text field, so that what a refused request
     * sent can be stored (PostgreSQL refuses NUL) and read back without forging lines.
     */
    public void escapeControlCharacters() {
        actorSubject = ControlCharacters.escaped(actorSubject);
        actorName = ControlCharacters.escaped(actorName);
        actorRoles = ControlCharacters.escaped(actorRoles);
        onBehalfOf = ControlCharacters.escaped(onBehalfOf);
        userAgent = ControlCharacters.escaped(userAgent);
        path = ControlCharacters.escaped(path);
        accountId = ControlCharacters.escaped(accountId);
        idempotencyKey = ControlCharacters.escaped(idempotencyKey);
        targetId = ControlCharacters.escaped(targetId);
        role = ControlCharacters.escaped(role);
        requestSummary = ControlCharacters.escaped(requestSummary);
        detail = ControlCharacters.escaped(detail);
        upstreamRequestId = ControlCharacters.escaped(upstreamRequestId);
    }

    public static TrailRecord of(Kind kind, UUID eventId) {
        TrailRecord record = new TrailRecord();
        record.kind = kind;
        record.eventId = eventId;
        record.recordedAt = micros(Instant.now());
        return record;
    }

    public static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
