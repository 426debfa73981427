package io.amcfacade.audit;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One person or thing an audited action touched: written with the intent, or learnt from the outcome. */
@Entity
@Table(name = "audit_targets")
public class AuditTargetEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "event_id", nullable = false)
    public UUID eventId;
    @Column(nullable = false)
    public String phase;
    @Column(nullable = false)
    public int position;
    @Column(nullable = false)
    public String kind;
    @Column(name = "target_id", nullable = false)
    public String targetId;
    public String role;
    public String outcome;
    @Column(name = "error_code")
    public String errorCode;

    static AuditTargetEntity of(UUID eventId, String phase, int position, AuditTargetEntry entry) {
        AuditTargetEntity target = new AuditTargetEntity();
        target.eventId = eventId;
        target.phase = phase;
        target.position = position;
        target.kind = entry.kind();
        target.targetId = entry.normalizedId();
        target.role = entry.role();
        target.outcome = entry.outcome();
        target.errorCode = entry.errorCode();
        return target;
    }
}
