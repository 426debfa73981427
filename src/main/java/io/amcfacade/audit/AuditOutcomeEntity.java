package io.amcfacade.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The outcome half of an audited action, appended once the facade's answer is decided. */
@Entity
@Table(name = "audit_outcomes")
public class AuditOutcomeEntity extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "completed_at", nullable = false)
    public Instant completedAt;
    @Column(nullable = false)
    public String outcome;
    @Column(name = "http_status", nullable = false)
    public int httpStatus;
    @Column(name = "error_code")
    public String errorCode;
    public String detail;
    @Column(name = "upstream_status")
    public Integer upstreamStatus;
    @Column(name = "upstream_request_id")
    public String upstreamRequestId;
    @Column(name = "upstream_attempts", nullable = false)
    public int upstreamAttempts;
    @Column(name = "latency_ms", nullable = false)
    public long latencyMs;
}
