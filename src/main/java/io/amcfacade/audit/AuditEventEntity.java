package io.amcfacade.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The intent half of an audited action: who asked for what, committed before the facade acts. */
@Entity
@Table(name = "audit_events")
public class AuditEventEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    @Column(name = "event_id", nullable = false, updatable = false)
    public UUID eventId;
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
    @Column(name = "actor_subject")
    public String actorSubject;
    @Column(name = "actor_name")
    public String actorName;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "actor_roles", nullable = false)
    public String[] actorRoles = new String[0];
    @Column(name = "on_behalf_of")
    public String onBehalfOf;
    @Column(name = "client_ip")
    public String clientIp;
    @Column(name = "user_agent")
    public String userAgent;
    @Column(name = "correlation_id", nullable = false)
    public String correlationId;
    @Column(nullable = false)
    public String action;
    @Column(name = "http_method", nullable = false)
    public String httpMethod;
    @Column(nullable = false)
    public String path;
    @Column(name = "account_id")
    public String accountId;
    @Column(name = "target_id")
    public String targetId;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
}
