package io.amcfacade.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An intent joined with its outcome (view {@code audit_trail}); read-only. */
@Entity
@Immutable
@Table(name = "audit_trail")
public class AuditTrailRow extends PanacheEntityBase {

    @Id
    public Long seq;
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Column(name = "actor_subject")
    public String actorSubject;
    @Column(name = "actor_name")
    public String actorName;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "actor_roles")
    public String[] actorRoles;
    @Column(name = "on_behalf_of")
    public String onBehalfOf;
    @Column(name = "client_ip")
    public String clientIp;
    @Column(name = "user_agent")
    public String userAgent;
    @Column(name = "correlation_id")
    public String correlationId;
    public String action;
    @Column(name = "http_method")
    public String httpMethod;
    public String path;
    @Column(name = "account_id")
    public String accountId;
    @Column(name = "target_id")
    public String targetId;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "request_summary")
    public String requestSummary;
    public String outcome;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "http_status")
    public Integer httpStatus;
    @Column(name = "error_code")
    public String errorCode;
    public String detail;
    @Column(name = "upstream_status")
    public Integer upstreamStatus;
    @Column(name = "upstream_request_id")
    public String upstreamRequestId;
    @Column(name = "upstream_attempts")
    public Integer upstreamAttempts;
    @Column(name = "latency_ms")
    public Long latencyMs;
}
